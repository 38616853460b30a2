// Runtime: renderer and Node (scripts). A pack diagnostic in words, without React, so that the studio
// and `npm run pack:check` say the same: the diagnostic's `words` (core/pack/message.ts) rendered
// with the `packDiagnostics` namespace — its keys are the English templates, hence looked up with
// no key or namespace separator — numbers grouped and languages named the reader's way, the
// grader's messages through grading-message.ts; then cut to the same bounds as the English.
import type { Diagnostic } from '../core/pack/diagnostics';
import { DIAGNOSTIC_TEXT_LIMITS } from '../core/pack/diagnostics';
import type { Words } from '../core/pack/message';
import { clip } from '../core/pack/message';
import type { Translate } from './grading-message';
import { renderGradingMessage } from './grading-message';
import { formattingLocale } from '../core/locale';

/** How deep phrases may nest in a message; the loader nests three or four levels at most. */
const MAX_DEPTH = 8;

const numberFormats = new Map<string, Intl.NumberFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();

function cached<T>(cache: Map<string, T>, language: string, make: () => T): T {
  let made = cache.get(language);
  if (!made) {
    made = make();
    cache.set(language, made);
  }
  return made;
}

const formatNumber = (language: string, value: number) =>
  cached(numberFormats, language, () => new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 20 })).format(value);

function nameLanguage(language: string, code: string): string {
  try {
    return cached(languageNames, language, () => new Intl.DisplayNames([language], { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Renders a message's words in `language`; `translate` is i18next's `t` (any namespace, given per call). */
export function renderWords(translate: Translate, language: string, words: Words, depth = 0): string {
  if ('text' in words) return words.text;
  if ('number' in words) return formatNumber(language, words.number);
  if ('language' in words) return nameLanguage(language, words.language);
  if ('grading' in words)
    return renderGradingMessage(
      (key, options) => translate(key, { ...options, ns: 'grading' }),
      language,
      words.grading,
      (platform) => translate(`platform.${platform}`, { ns: 'common', defaultValue: platform }),
    );
  const lookup = { ns: 'packDiagnostics', keySeparator: false, nsSeparator: false, lng: language };
  if ('count' in words) {
    const n = formatNumber(language, words.count);
    // A key missing from a catalogue falls back to the English template, filled in.
    return translate(words.key, { ...lookup, count: words.count, n, defaultValue: words.key.replace('{{n}}', n) });
  }
  const parts = depth >= MAX_DEPTH ? [] : (words.parts ?? []).map((part) => renderWords(translate, language, part, depth + 1));
  const replace = Object.fromEntries(parts.map((part, index) => [String(index), part]));
  return translate(words.key, { ...lookup, replace, defaultValue: words.key.replace(/\{\{(\d+)\}\}/g, (_, index: string) => parts[Number(index)] ?? '') });
}

export interface DiagnosticText {
  message: string;
  hint?: string;
}

/** A diagnostic's message and hint in `language`, cut to the bounds the English has. */
export function renderDiagnostic(translate: Translate, language: string, diagnostic: Diagnostic): DiagnosticText {
  if (!diagnostic.words) return { message: diagnostic.message, ...(diagnostic.hint ? { hint: diagnostic.hint } : {}) };
  const message = clip(renderWords(translate, language, diagnostic.words.message), DIAGNOSTIC_TEXT_LIMITS.message);
  const hint = diagnostic.words.hint ? clip(renderWords(translate, language, diagnostic.words.hint), DIAGNOSTIC_TEXT_LIMITS.hint) : undefined;
  return { message, ...(hint ? { hint } : {}) };
}
