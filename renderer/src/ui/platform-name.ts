// Runtime: renderer. Platforms by the names people know them by, from one place (`common:platform.*`).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../core/pack/schema';

/** `(platform) => name` in the UI's language; an id the app does not know is shown as it is. */
export function usePlatformName(): (platform: Platform | string) => string {
  const { t } = useTranslation('common');
  return useCallback((platform) => t(`platform.${platform as Platform}`, { defaultValue: platform }), [t]);
}
