// Runtime: renderer. The grader's messages in the UI's language: keys of the `grading` namespace,
// with language codes among the parameters shown as the language's name.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/grading/types';

/** Parameters that hold a language code. */
const LANGUAGE_PARAMS = new Set(['expected', 'detected', 'language']);

/** Platforms by the names people know them by (brand names are the same in every language). */
const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  facebook: 'Facebook',
  vk: 'VK',
  telegram: 'Telegram',
  weibo: 'Weibo',
  youtube: 'YouTube',
  instagram: 'Instagram',
  threads: 'Threads',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
};

type Translate = (key: string, options: Record<string, unknown>) => string;

export function renderGradingMessage(translate: Translate, language: string, message: Message): string {
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (LANGUAGE_PARAMS.has(key) && typeof value === 'string' && /^[a-z]{2}$/.test(value)) params[key] = names.of(value) ?? value;
    else if (key === 'platform' && typeof value === 'string') params[key] = PLATFORM_NAMES[value] ?? value;
    else params[key] = value;
  }
  return translate(message.key, params);
}

/** `(message) => text` in the current UI language. */
export function useGradingMessage(): (message: Message) => string {
  const { t, i18n } = useTranslation('grading');
  // Keys come from the grader at run time, so they cannot be checked against the typed resources.
  const translate = t as unknown as Translate;
  return useCallback((message: Message) => renderGradingMessage(translate, i18n.language, message), [translate, i18n.language]);
}
