// Runtime: any (pure core). Decides the UI language from what the user saved and what the system says.

/** The languages the interface speaks. */
export const SUPPORTED_LANGUAGES = ['en', 'ru', 'uk'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Each language named in itself, as a language picker lists it whatever the interface speaks: a reader
 * looking for their own language finds it in the script they read (render each with its `lang`).
 */
export const LANGUAGE_ENDONYMS: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
};

/** The language used when neither the user nor the system names a supported one. */
export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Matches a system locale such as `uk-UA`, `ru-RU`, `en_GB.UTF-8` or `RU` to a language the UI speaks.
 * Only the primary language subtag counts: Attaché has one English, one Russian and one Ukrainian,
 * whatever the region. Returns null when the locale names a language the UI does not speak (for
 * example `de`).
 */
export function matchLanguage(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  const primary = locale
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The user's choice wins; until there is one, the UI follows the system locale. */
export function resolveLanguage(saved: Language | null | undefined, systemLocale: string | null | undefined): Language {
  return saved ?? matchLanguage(systemLocale) ?? FALLBACK_LANGUAGE;
}

/**
 * The Intl locale that writes dates, times, numbers and lists for a language of the interface (or of a
 * scenario). English is British English: "6 December 2026", 24-hour times, no serial comma; a tag that
 * already names a region, and any other language, is used as given (Ukrainian as `uk`: "6 грудня
 * 2026 р.", "12 345,5").
 */
export function formattingLocale(language: string): string {
  return language.trim().toLowerCase() === 'en' ? 'en-GB' : language;
}

/**
 * A sentence that ends on an abbreviation ends on its full stop: "… 6 декабря 2026 г." put before a
 * template's "." would read "г..", "etc." before one "etc..". Two stops after a letter, at the end of a
 * sentence, become one; an ellipsis ("..." or "…") and a quoted path such as ".." are left alone.
 */
export function absorbAbbreviationStop(text: string): string {
  return text.replace(/(?<=\p{L})\.\s?\.(?=[\s)»"”]|$)(?!\.)/gu, '.');
}

/** The i18next post-processor that applies absorbAbbreviationStop to every translation. */
export const ABBREVIATION_STOP = 'abbreviationStop';
