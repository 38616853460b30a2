// Runtime: renderer (browser). How the records screen writes dates, counts and durations in the UI's
// language. Formatters are kept per language: a table of thousands of cells must not build one per cell.
import { formatScore } from '../format';
import { formattingLocale } from '../../core/locale';

export interface RecordsFormat {
  /** e.g. "3 Mar 2025". */
  date(timestamp: number): string;
  /** e.g. "3 Mar 2025, 14:05". */
  dateTime(timestamp: number): string;
  /** e.g. "6,000". */
  count(value: number): string;
  /** e.g. "82.5". */
  score(value: number): string;
  /** e.g. "1 hr 5 min"; under a minute "0 min". */
  duration(milliseconds: number): string;
}

const cache = new Map<string, RecordsFormat>();

export function recordsFormat(language: string): RecordsFormat {
  let format = cache.get(language);
  if (format) return format;
  const locale = formattingLocale(language);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const count = new Intl.NumberFormat(locale);
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  format = {
    date: (timestamp) => date.format(timestamp),
    dateTime: (timestamp) => dateTime.format(timestamp),
    count: (value) => count.format(value),
    score: (value) => formatScore(value, language),
    duration: (milliseconds) => {
      const total = Math.round(milliseconds / 60_000);
      const wholeHours = Math.floor(total / 60);
      const rest = total % 60;
      if (wholeHours === 0) return minutes.format(rest);
      return rest === 0 ? hours.format(wholeHours) : `${hours.format(wholeHours)} ${minutes.format(rest)}`;
    },
  };
  cache.set(language, format);
  return format;
}

/** 'YYYY-MM-DD' from a date input → the first millisecond of that day here; null for an empty or bad value. */
export function startOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) ? null : day.getTime();
}

/** 'YYYY-MM-DD' → the last millisecond of that day here; null for an empty or bad value. */
export function endOfDay(value: string): number | null {
  const start = startOfDay(value);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}
