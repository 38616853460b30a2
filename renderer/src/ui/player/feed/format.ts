// Runtime: renderer (pure). Numbers and simulated times as the feed prints them, in the UI language.

const compactFormats = new Map<string, Intl.NumberFormat>();
const fullFormats = new Map<string, Intl.NumberFormat>();

function formatter(cache: Map<string, Intl.NumberFormat>, language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    cache.set(language, format);
  }
  return format;
}

/**
 * As platforms print counts: 1.2K, 34K, 1,2 тыс. Not through formattingLocale: X and Facebook print a
 * capital K for British readers too, where en-GB would write 34k.
 */
export function compactNumber(value: number, language: string): string {
  return formatter(compactFormats, language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Every digit, grouped: for screen readers and tooltips. */
export function fullNumber(value: number, language: string): string {
  return formatter(fullFormats, language, { maximumFractionDigits: 0 }).format(value);
}

/**
 * i18next parameters for a count shown compactly. The plural form follows what is printed: "1 тыс."
 * takes the form of a thousand (English "1K followers", Russian "1 тыс. подписчиков"), not of 1,001.
 */
export function compactCount(value: number, language: string): { count: number; value: string } {
  return { count: value >= 1000 ? 1000 : value, value: compactNumber(value, language) };
}

/** i18next parameters for a count spelled out in full. */
export function fullCount(value: number, language: string): { count: number; value: string } {
  return { count: value, value: fullNumber(value, language) };
}

/** A `<time dateTime>` value for a simulated minute: a duration from the scenario's start, e.g. PT1H5M. */
export function simDuration(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  return `PT${Math.floor(whole / 60)}H${whole % 60}M`;
}
