// Runtime: renderer. The grader's messages in the UI's language (see i18n/grading-message.ts).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/grading/types';
import { renderGradingMessage, type Translate } from '../i18n/grading-message';
import { usePlatformName } from './platform-name';

/** `(message) => text` in the current UI language. */
export function useGradingMessage(): (message: Message) => string {
  const { t, i18n } = useTranslation('grading');
  // Keys come from the grader at run time, so they cannot be checked against the typed resources.
  const translate = t as unknown as Translate;
  const platformName = usePlatformName();
  return useCallback((message: Message) => renderGradingMessage(translate, i18n.language, message, platformName), [translate, i18n.language, platformName]);
}
