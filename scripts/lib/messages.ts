// Runtime: Node (scripts). Renders the grader's messages for the terminal with the app's own
// translations (the `grading` namespace, and platform names from `common`), so the CLI says
// exactly what the app says.
import i18next from 'i18next';
import type { Message } from '../../renderer/src/core/grading/types';
import enCommon from '../../renderer/src/i18n/locales/en/common.json';
import enGrading from '../../renderer/src/i18n/locales/en/grading.json';
import ruCommon from '../../renderer/src/i18n/locales/ru/common.json';
import ruGrading from '../../renderer/src/i18n/locales/ru/grading.json';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['grading'],
  defaultNS: 'grading',
  resources: { en: { grading: enGrading }, ru: { grading: ruGrading } },
  // Message keys are rule ids, which contain dots: the namespace is flat.
  keySeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export async function setCliLanguage(language: string): Promise<void> {
  await i18n.changeLanguage(language === 'ru' ? 'ru' : 'en');
}

/** Parameters that hold a language code, shown as the language's name. */
const LANGUAGE_PARAMS = new Set(['expected', 'detected', 'language']);
const PLATFORM_NAMES: Record<string, Record<string, string>> = { en: enCommon.platform, ru: ruCommon.platform };

/** A platform id as the app names it; an id the app does not know is shown as it is. */
export function platformName(platform: string): string {
  return PLATFORM_NAMES[i18n.language]?.[platform] ?? platform;
}

export function render(message: Message): string {
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (typeof value !== 'string') params[key] = value;
    else if (LANGUAGE_PARAMS.has(key) && /^[a-z]{2}$/.test(value)) params[key] = names.of(value) ?? value;
    else if (key === 'platform') params[key] = platformName(value);
    else params[key] = value;
  }
  // Keys come from the grader at run time, so they cannot be checked against the typed resources.
  const translate = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return translate(message.key, params);
}
