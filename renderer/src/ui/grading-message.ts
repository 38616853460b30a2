// Runtime: renderer. The grader's messages in the UI's language: keys of the `grading` namespace,
// with language codes among the parameters shown as the language's name.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/grading/types';
import { usePlatformName } from './platform-name';

/** Parameters that hold a language code. */
const LANGUAGE_PARAMS = new Set(['expected', 'detected', 'language']);

type Translate = (key: string, options: Record<string, unknown>) => string;

export function renderGradingMessage(translate: Translate, language: string, message: Message, platformName: (platform: string) => string): string {
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (LANGUAGE_PARAMS.has(key) && typeof value === 'string' && /^[a-z]{2}$/.test(value)) params[key] = names.of(value) ?? value;
    else if (key === 'platform' && typeof value === 'string') params[key] = platformName(value);
    else params[key] = value;
  }
  return translate(message.key, params);
}

/** `(message) => text` in the current UI language. */
export function useGradingMessage(): (message: Message) => string {
  const { t, i18n } = useTranslation('grading');
  // Keys come from the grader at run time, so they cannot be checked against the typed resources.
  const translate = t as unknown as Translate;
  const platformName = usePlatformName();
  return useCallback((message: Message) => renderGradingMessage(translate, i18n.language, message, platformName), [translate, i18n.language, platformName]);
}
