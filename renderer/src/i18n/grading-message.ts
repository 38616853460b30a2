// Runtime: renderer and Node (scripts). The grader's messages in words, without React, so the UI
// and the command-line tools say the same: keys of the `grading` namespace, with language codes
// among the parameters shown as the language's name (and, as `<param>In`, the phrase "in English",
// «на английском языке») and platform ids as the app names them.
import type { Message } from '../core/grading/types';

/** Parameters that hold a language code. */
const LANGUAGE_PARAMS = new Set(['expected', 'detected', 'language']);

/** i18next's `t` with keys unchecked: the grader's keys come at run time, not from the typed resources. */
export type Translate = (key: string, options: Record<string, unknown>) => string;

const languageNames = new Map<string, Intl.DisplayNames>();

/** Language names in `language`, built once per language rather than once per message. */
function languageNamesIn(language: string): Intl.DisplayNames {
  let names = languageNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language' });
    languageNames.set(language, names);
  }
  return names;
}

/**
 * "in English", «на русском языке»: a language named where a sentence says what is written or read in it.
 * Russian declines the name (never «на языке «русский»»), so each language has its whole phrase under
 * `common:languageIn`; a code without one falls back to the runtime's name in `languageIn.other`.
 */
export function languageInPhrase(translate: Translate, language: string, code: string): string {
  const name = languageNamesIn(language).of(code) ?? code;
  return translate(`common:languageIn.${code}`, { defaultValue: translate('common:languageIn.other', { name }) });
}

export function renderGradingMessage(translate: Translate, language: string, message: Message, platformName: (platform: string) => string): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) {
    if (LANGUAGE_PARAMS.has(key) && typeof value === 'string' && /^[a-z]{2}$/.test(value)) {
      params[key] = languageNamesIn(language).of(value) ?? value;
      // The same language as a sentence puts it after "in" (`{{expectedIn}}`), declined where the language declines.
      params[`${key}In`] = languageInPhrase(translate, language, value);
    } else if (key === 'platform' && typeof value === 'string') params[key] = platformName(value);
    else params[key] = value;
  }
  return translate(message.key, params);
}
