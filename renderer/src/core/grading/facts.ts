// Runtime: any (pure core). Facts as people write them — phone numbers, dates, times, counts and
// links in the many surface forms of English, Russian and Ukrainian — found in a draft and brought
// to one normal form, so they can be compared with the scenario's verified fact sheet.
import { distance } from 'fastest-levenshtein';
import { overlapsAny } from './analysis';
import type { NumberWords } from './number-words';
import { findNumberWords } from './number-words';
import { fold } from './text';
import type { Span } from './types';

export interface Found<T> extends Span {
  /** The value as written in the draft. */
  text: string;
  value: T;
}

export interface DateValue {
  day: number;
  month: number;
  year?: number;
}

/** How a date was written, so a correction can be offered in the same form. */
export type DateStyle = 'day-month' | 'month-day' | 'numeric' | 'iso' | 'day';

export interface FoundDate extends Found<DateValue> {
  style: DateStyle;
  /** The separator of a numeric date ("." or "/"). */
  separator?: string;
}

export interface TimeValue {
  hours: number;
  minutes: number;
}

export interface FoundNumber extends Found<number> {
  /** A bare four-digit number that reads as a year (1900–2100). */
  yearLike: boolean;
  percent: boolean;
  /** Joined to a word by a hyphen: "90-day", "90-дневный" — or an ordinal, "14-го", "3-й". */
  compound: boolean;
  /** Written in words ("семеро", "twenty thousand"). */
  spelled?: boolean;
}

export interface UrlValue {
  /** Lower-case host without "www.". */
  host: string;
  /** Path, query and fragment, lower-cased, without a trailing slash ("" for the home page). */
  path: string;
}

export interface DraftFacts {
  urls: Found<UrlValue>[];
  dates: FoundDate[];
  times: Found<TimeValue>[];
  phones: Found<string>[];
  numbers: FoundNumber[];
}

export type Closeness = 'equal' | 'close' | 'other';

// ——— Shared helpers ———

/** Numbers in words still readable in `masked`: found there now, or found before and not claimed since. */
function unmasked(masked: string, numberWords: readonly NumberWords[] | undefined): readonly NumberWords[] {
  if (!numberWords) return findNumberWords(masked);
  return numberWords.filter((words) => !masked.slice(words.start, words.end).includes(MASK));
}

/** Levenshtein distance, or `max + 1` once it is past `max` (lengths that far apart are not compared). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return Math.min(distance(a, b), max + 1);
}

/** The text with `spans` blanked out (same length, so offsets still hold). */
export function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  // One pass over the spans in order, so a draft with thousands of links stays linear.
  const ordered = spans
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(end, text.length) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ordered) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), MASK.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** What may stand before an "@" in an e-mail address, and at most how much of it (RFC 5321's 64). */
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_LOCAL_MAX = 64;
/** The domain right after the "@", at most 255 characters of it. */
const EMAIL_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const EMAIL_DOMAIN_MAX = 255;

/**
 * E-mail addresses, found from each "@" outwards rather than by a pattern tried at every position:
 * a long run of letters, dots and hyphens with no "@" in it costs one look, not one per character.
 */
export function findEmails(text: string): Span[] {
  const found: Span[] = [];
  let claimedTo = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > claimedTo && at - start < EMAIL_LOCAL_MAX && EMAIL_LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    if (start === at) continue;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 1 + EMAIL_DOMAIN_MAX));
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    found.push({ start, end });
    claimedTo = end;
    at = end - 1;
  }
  return found;
}

/** Neither letter, digit nor space: blanked text joins nothing on either side. */
const MASK = '\u0001';

/** Spaces that people and word processors put between digit groups: space, no-break, thin, narrow no-break. */
const GROUP_SPACE = ' \u00a0\u2009\u202f';

// ——— Phones ———

export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\+[${GROUP_SPACE}]?|00)?(?:\\(\\d{1,5}\\)[${GROUP_SPACE}\\-.]?)?\\d+(?:[${GROUP_SPACE}\\-.](?:\\(\\d{1,5}\\)|\\d+)|\\(\\d{1,5}\\))*(?![\\p{N}])`,
  'gu',
);

const THOUSANDS_GROUPING = new RegExp(`^\\d{1,3}(?:([${GROUP_SPACE},.])\\d{3})(?:\\1\\d{3})*$`, 'u');

/** Digit groups of a count written with thousands separators: "20 000", "1,500,000". */
const isThousandsGrouping = (raw: string): boolean => THOUSANDS_GROUPING.test(raw);

/**
 * The forms under which a verified number may appear: all its digits, and — when it is written
 * with a leading "+" and a country code — its national part, alone or after a trunk prefix 0 or 8.
 */
export function phoneForms(value: string): string[] {
  const digits = phoneDigits(value);
  const forms = [digits];
  const international = /^\s*\+\s?(\d{1,4})[\s().-]/.exec(value);
  if (international) {
    const national = digits.slice(international[1]!.length);
    forms.push(national, `0${national}`, `8${national}`);
  }
  return forms;
}

/** Digits as dialled, without an international prefix "00". */
const dialled = (digits: string) => (digits.startsWith('00') ? digits.slice(2) : digits);

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Whether draft digits are a verified number, a near miss of it (a typo), or another number. */
export function comparePhone(foundDigits: string, factValue: string): Closeness {
  const found = dialled(foundDigits);
  const forms = phoneForms(factValue);
  if (forms.includes(found)) return 'equal';
  for (const form of forms) {
    if (Math.abs(form.length - found.length) <= 1 && editDistance(form, found, 2) <= 2) return 'close';
    if (commonPrefix(form, found) >= Math.max(6, Math.ceil(form.length / 2)) && Math.abs(form.length - found.length) <= 2) return 'close';
  }
  return 'other';
}

/**
 * Phone numbers: digit runs with the separators phone numbers use, at least seven digits. A run
 * grouped in thousands ("1 500 000") is a count, unless its digits are close to a known number
 * (a fact sheet may write "+99 123 456 789", and a draft "123 456 789").
 */
export function extractPhones(text: string, knownPhones: readonly string[] = []): Found<string>[] {
  const found: Found<string>[] = [];
  for (const match of text.matchAll(PHONE)) {
    const raw = match[0];
    const digits = phoneDigits(raw);
    if (digits.length < 7 || digits.length > 15) continue;
    const marked = /^[+(]|^00/.test(raw) || raw.includes('(');
    const grouped = /[^\d]/.test(raw);
    if (!marked) {
      if (!grouped && digits.length < 8) continue;
      if (isThousandsGrouping(raw) && !knownPhones.some((phone) => comparePhone(digits, phone) !== 'other')) continue;
    }
    found.push({ start: match.index, end: match.index + raw.length, text: raw, value: digits });
  }
  return found;
}

// ——— Dates ———

const MONTH_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['january', 'jan', 'январь', 'января', 'январе', 'янв', 'січень', 'січня', 'січні', 'січ'],
  2: ['february', 'feb', 'февраль', 'февраля', 'феврале', 'фев', 'февр', 'лютий', 'лютого', 'лютому', 'лют'],
  3: ['march', 'mar', 'март', 'марта', 'марте', 'березень', 'березня', 'березні'],
  4: ['april', 'apr', 'апрель', 'апреля', 'апреле', 'апр', 'квітень', 'квітня', 'квітні', 'квіт'],
  5: ['may', 'май', 'мая', 'мае', 'травень', 'травня', 'травні', 'трав'],
  6: ['june', 'jun', 'июнь', 'июня', 'июне', 'июн', 'червень', 'червня', 'червні', 'черв'],
  7: ['july', 'jul', 'июль', 'июля', 'июле', 'июл', 'липень', 'липня', 'липні', 'лип'],
  8: ['august', 'aug', 'август', 'августа', 'августе', 'авг', 'серпень', 'серпня', 'серпні', 'серп'],
  9: ['september', 'sept', 'sep', 'сентябрь', 'сентября', 'сентябре', 'сент', 'сен', 'вересень', 'вересня', 'вересні'],
  10: ['october', 'oct', 'октябрь', 'октября', 'октябре', 'окт', 'жовтень', 'жовтня', 'жовтні', 'жовт'],
  11: ['november', 'nov', 'ноябрь', 'ноября', 'ноябре', 'нояб', 'ноя', 'листопад', 'листопада', 'листопаді'],
  12: ['december', 'dec', 'декабрь', 'декабря', 'декабре', 'дек', 'грудень', 'грудня', 'грудні', 'груд'],
};

const MONTHS = new Map<string, number>();
for (const [month, words] of Object.entries(MONTH_WORDS)) for (const word of words) MONTHS.set(word, Number(month));

/** The month a word names ("June", "июня", "червня", "Sept."), or undefined. */
export function monthOf(word: string): number | undefined {
  return MONTHS.get(monthWord(word));
}

const monthWord = (word: string) => word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');

/** Short forms that take a dot of their own ("Sept.", "дек."), unlike a full name before a full stop. */
const MONTH_ABBREVIATIONS = new Set(
  Object.values(MONTH_WORDS).flatMap((words) =>
    words.filter(
      (word) =>
        word.length <= 4 &&
        !['may', 'june', 'july', 'март', 'июнь', 'июль', 'май', 'мая', 'мае', 'июня', 'июле', 'июля', 'июне', 'марта', 'марте'].includes(word),
    ),
  ),
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function validDate(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && year !== undefined && !isLeap(year)) return day <= 28;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

const expandYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** An ordinal ending after a day number: 14th, 14-го, 14-е. */
const ORDINAL = '(?:st|nd|rd|th|-?го|-?е|-?ого|-?й)?';
/** Words that join two days of one month: "14–20 June", "с 14 по 20 июня", "14 and 15 June". */
const RANGE = '(?:[-–—]|to|till|until|and|&|до|по|и|і|та|й)';
/** A year after a date, with the words that follow it in Russian and Ukrainian ("2026 г.", "2026 року"). */
const YEAR_AFTER = `(?:,?[${GROUP_SPACE}]+(\\d{4})(?![\\p{N}])(?:[${GROUP_SPACE}]*(?:г\\.|года|году|р\\.|року)(?![\\p{L}]))?)?`;

const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}.,:/])(\\d{1,2})${ORDINAL}(?:\\s*${RANGE}\\s*(\\d{1,2})${ORDINAL})?[${GROUP_SPACE}]+(?:of[${GROUP_SPACE}]+)?(\\p{L}+\\.?)(?![\\p{L}])${YEAR_AFTER}`,
  'giu',
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{L}+\\.?)[${GROUP_SPACE}]+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}\\p{L}]|[.:,]\\d)(?:\\s*[-–—]\\s*(\\d{1,2})(?![\\p{N}]))?${YEAR_AFTER}`,
  'giu',
);
const NUMERIC_DATE = /(?<![\p{L}\p{N}.,:/+-])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\p{N}]|[.,:/-]\p{N})/gu;
const ISO_DATE = /(?<![\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu;

/** Words before a clock time: "at 9.30", "в 9.30", "з 9.30". */
const TIME_CUES = new Set([
  'at',
  'from',
  'until',
  'till',
  'by',
  'before',
  'after',
  'to',
  'between',
  'в',
  'во',
  'с',
  'со',
  'до',
  'по',
  'после',
  'к',
  'о',
  'об',
  'з',
  'із',
  'від',
  'після',
]);
const AFTER_TIME = /^\s?(?:[ap]\.?\s?m\.?|h|hrs|ч|час|год|o'clock)(?![\p{L}])/iu;

function wordBefore(text: string, index: number): string {
  const match = /(\p{L}+)[\s\u00a0]*$/u.exec(text.slice(Math.max(0, index - 20), index));
  return match ? match[1]!.toLowerCase() : '';
}

const hasTimeCue = (text: string, start: number, end: number) => TIME_CUES.has(wordBefore(text, start)) || AFTER_TIME.test(text.slice(end, end + 10));

/** "24/7" is a schedule, not the 24th of July. */
const ROUND_THE_CLOCK = /(?<![\p{N}])24\s?\/\s?7(?![\p{N}])/gu;

export function extractDates(text: string, numberWords?: readonly NumberWords[]): FoundDate[] {
  const dates: FoundDate[] = [];
  let masked = mask(
    text,
    [...text.matchAll(ROUND_THE_CLOCK)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  const claim = (date: FoundDate) => {
    dates.push(date);
    masked = mask(masked, [date]);
  };

  for (const match of masked.matchAll(DAY_MONTH)) {
    const month = monthOf(match[3]!);
    if (month === undefined) continue;
    const year = match[4] ? Number(match[4]) : undefined;
    const lastDay = Number(match[2] ?? match[1]);
    const start = match.index;
    // A full month name before a full stop: the stop ends the sentence, not an abbreviation.
    const sentenceEnd = year === undefined && match[3]!.endsWith('.') && !MONTH_ABBREVIATIONS.has(monthWord(match[3]!)) ? 1 : 0;
    const end = start + match[0].length - sentenceEnd;
    if (match[2] !== undefined) {
      const firstDay = Number(match[1]);
      if (!validDate(firstDay, month, year) || !validDate(lastDay, month, year)) continue;
      const firstEnd = start + match[1]!.length;
      const secondStart = firstEnd + match[0].slice(match[1]!.length).search(/\d/);
      dates.push({ start, end: firstEnd, text: text.slice(start, firstEnd), value: { day: firstDay, month, year }, style: 'day' });
      dates.push({ start: secondStart, end, text: text.slice(secondStart, end), value: { day: lastDay, month, year }, style: 'day-month' });
      masked = mask(masked, [{ start, end }]);
      continue;
    }
    if (!validDate(lastDay, month, year)) continue;
    claim({ start, end, text: text.slice(start, end), value: { day: lastDay, month, year }, style: 'day-month' });
  }

  for (const match of masked.matchAll(MONTH_DAY)) {
    const month = monthOf(match[1]!);
    if (month === undefined) continue;
    const year = match[4] ? Number(match[4]) : undefined;
    const day = Number(match[2]);
    if (!validDate(day, month, year)) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (match[3] !== undefined) {
      const lastDay = Number(match[3]);
      if (!validDate(lastDay, month, year)) continue;
      const firstEnd = start + match[0].indexOf(match[2]!, match[1]!.length) + match[2]!.length;
      const secondStart = firstEnd + match[0].slice(firstEnd - start).search(/\d/);
      dates.push({ start, end: firstEnd, text: text.slice(start, firstEnd), value: { day, month, year }, style: 'month-day' });
      dates.push({ start: secondStart, end, text: text.slice(secondStart, end), value: { day: lastDay, month, year }, style: 'day' });
      masked = mask(masked, [{ start, end }]);
      continue;
    }
    claim({ start, end, text: text.slice(start, end), value: { day, month, year }, style: 'month-day' });
  }

  for (const date of wordDates(masked, unmasked(masked, numberWords))) claim({ ...date, text: text.slice(date.start, date.end) });

  for (const match of masked.matchAll(ISO_DATE)) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!validDate(day, month, year)) continue;
    claim({ start: match.index, end: match.index + match[0].length, text: match[0], value: { day, month, year }, style: 'iso' });
  }

  for (const match of masked.matchAll(NUMERIC_DATE)) {
    const day = Number(match[1]);
    const month = Number(match[3]);
    const year = match[4] ? expandYear(match[4]) : undefined;
    const start = match.index;
    const end = start + match[0].length;
    if (!validDate(day, month, year)) continue;
    if (year === undefined) {
      // Without a year, "9.30" or "1.5" could be a clock time or a decimal: a date needs a
      // two-digit month (14.06) or a day no month can be (14/6), and no clock cue around it.
      if (match[3]!.length < 2 && day <= 12) continue;
      // "до 9.30" is a time, but "до 30.09" cannot be one.
      if (day <= 23 && month <= 59 && hasTimeCue(masked, start, end)) continue;
      if (/^\s?(?:%|k\b|тыс|тис|млн|million|thousand)/iu.test(masked.slice(end, end + 10))) continue;
    }
    claim({ start, end, text: match[0], value: { day, month, year }, style: 'numeric', separator: match[2] });
  }
  return dates.sort((a, b) => a.start - b.start);
}

const LETTERS = /\p{L}+\.?/uy;

/** The word (letters, perhaps an abbreviating dot) at `index` after spaces, and where it ends. */
function wordAt(text: string, index: number): { word: string; start: number; end: number } | null {
  let i = index;
  while (i < text.length && /[\s\u00a0]/u.test(text[i]!)) i += 1;
  LETTERS.lastIndex = i;
  const match = LETTERS.exec(text);
  return match ? { word: match[0], start: i, end: i + match[0].length } : null;
}

/** The last word before `index`, with where it starts. */
function wordEndingAt(text: string, index: number): { word: string; start: number } | null {
  const match = /(\p{L}+)[\s\u00a0]*$/u.exec(text.slice(Math.max(0, index - 24), index));
  return match ? { word: match[1]!, start: index - match[0].length } : null;
}

/** Dates whose day is written in words: "the fifteenth of March", "March fifteenth", "пятнадцатого марта", "першого червня". */
function wordDates(text: string, numberWords: readonly NumberWords[]): Array<Omit<FoundDate, 'text'>> {
  const dates: Array<Omit<FoundDate, 'text'>> = [];
  for (const number of numberWords) {
    if (number.value < 1 || number.value > 31) continue;
    let next = wordAt(text, number.end);
    if (next && (next.word.toLowerCase() === 'of' || next.word.toLowerCase() === 'the')) next = wordAt(text, next.end);
    const after = next ? monthOf(next.word) : undefined;
    if (next && after !== undefined && validDate(number.value, after)) {
      const end = next.word.endsWith('.') && !MONTH_ABBREVIATIONS.has(monthWord(next.word)) ? next.end - 1 : next.end;
      dates.push({ start: number.start, end, value: { day: number.value, month: after }, style: 'day-month' });
      continue;
    }
    // The first day of a range in words: "четырнадцатого и пятнадцатого августа", "fourteenth and fifteenth of August".
    if (next && /^(?:and|to|и|і|та|й|по|до)$/iu.test(next.word)) {
      const second = findNumberWords(text.slice(next.end, next.end + 40))[0];
      if (second && second.start <= 2 && second.value >= 1 && second.value <= 31) {
        let month = wordAt(text, next.end + second.end);
        if (month && (month.word.toLowerCase() === 'of' || month.word.toLowerCase() === 'the')) month = wordAt(text, month.end);
        const value = month ? monthOf(month.word) : undefined;
        if (value !== undefined && validDate(number.value, value)) {
          dates.push({ start: number.start, end: number.end, value: { day: number.value, month: value }, style: 'day' });
          continue;
        }
      }
    }
    if (!number.ordinal) continue;
    let previous = wordEndingAt(text, number.start);
    if (previous && previous.word.toLowerCase() === 'the') previous = wordEndingAt(text, previous.start);
    const before = previous ? monthOf(previous.word) : undefined;
    if (previous && before !== undefined && validDate(number.value, before)) {
      dates.push({ start: previous.start, end: number.end, value: { day: number.value, month: before }, style: 'month-day' });
    }
  }
  return dates;
}

/** The date of an ISO value "YYYY-MM-DD" (as the fact sheet writes dates). */
export function parseIsoDate(value: string): DateValue {
  const [year, month, day] = value.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

const dayNumber = (date: Required<DateValue>) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

/** Days between a written date (its year, or the fact's when it gives none) and a verified one. */
export function daysApart(found: DateValue, fact: Required<DateValue>): number {
  return Math.abs(dayNumber({ ...found, year: found.year ?? fact.year }) - dayNumber(fact));
}

/**
 * Whether a date in a draft is the verified one (day and month, and the year when given), a near
 * miss (within a week, the same day in another month, or the same day in another year), or another date.
 */
export function compareDate(found: DateValue, fact: Required<DateValue>, nearDays = 7): Closeness {
  const sameDay = found.day === fact.day && found.month === fact.month;
  if (sameDay && (found.year === undefined || found.year === fact.year)) return 'equal';
  if (sameDay) return 'close';
  if (found.year !== undefined && found.year !== fact.year) {
    return found.month === fact.month && Math.abs(found.year - fact.year) <= 1 ? 'close' : 'other';
  }
  const distance = Math.abs(dayNumber({ ...found, year: found.year ?? fact.year }) - dayNumber(fact));
  // Around a new year "3 January" may be a week after "28 December".
  const acrossYear = Math.min(
    distance,
    Math.abs(dayNumber({ ...found, year: fact.year + 1 }) - dayNumber(fact)),
    Math.abs(dayNumber({ ...found, year: fact.year - 1 }) - dayNumber(fact)),
  );
  if (acrossYear <= nearDays) return 'close';
  if (found.day === fact.day) return 'close';
  // The digits of the day swapped (12 for 21) in the right month: a slip, not another date.
  if (found.month === fact.month && found.day >= 10 && fact.day >= 10 && String(found.day).split('').reverse().join('') === String(fact.day)) return 'close';
  return 'other';
}

// ——— Times ———

/** "am", "pm", "a.m.", "p.m." (a full stop after a bare "pm" ends the sentence, not the time). */
const MERIDIEM = '(?:\\s?([ap])(?:\\.\\s?m\\.|m)(?![\\p{L}]))';
const COLON_TIME = new RegExp(`(?<![\\p{N}.,:])([01]?\\d|2[0-3])(?::|h|ч)([0-5]\\d)(?![\\p{N}])${MERIDIEM}?`, 'giu');
const DOT_TIME = new RegExp(`(?<![\\p{N}.,:])([01]?\\d|2[0-3])\\.([0-5]\\d)(?![\\p{N}]|[.,]\\p{N})${MERIDIEM}?`, 'giu');
const HOUR_ONLY = new RegExp(`(?<![\\p{N}.,:])(1[0-2]|0?[1-9])${MERIDIEM}`, 'giu');

function clock(hours: number, minutes: number, meridiem: string | undefined): TimeValue | null {
  let h = hours;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    const pm = meridiem.toLowerCase() === 'p';
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  return h < 24 && minutes < 60 ? { hours: h, minutes } : null;
}

/** Clock times: "09:30", "9:30 am", "09h30", "9.30" (after "at", "в", "з" or with a number of minutes no month has). */
export function extractTimes(text: string, numberWords?: readonly NumberWords[]): Found<TimeValue>[] {
  const times: Found<TimeValue>[] = [];
  let masked = text;
  const take = (pattern: RegExp, accept: (match: RegExpMatchArray) => TimeValue | null) => {
    for (const match of masked.matchAll(pattern)) {
      const value = accept(match);
      if (!value) continue;
      const span = { start: match.index!, end: match.index! + match[0].length };
      times.push({ ...span, text: match[0], value });
    }
    masked = mask(masked, times);
  };
  take(COLON_TIME, (m) => clock(Number(m[1]), Number(m[2]), m[3]));
  take(DOT_TIME, (m) => {
    const cued = m[3] !== undefined || hasTimeCue(masked, m.index!, m.index! + m[0].length);
    if (!cued && Number(m[2]) <= 12) return null;
    if (/^\s?(?:%|k\b|тыс|тис|млн|million|thousand|azur|азур)/iu.test(masked.slice(m.index! + m[0].length, m.index! + m[0].length + 10))) return null;
    return clock(Number(m[1]), Number(m[2]), m[3]);
  });
  take(HOUR_ONLY, (m) => clock(Number(m[1]), 0, m[2]));
  take(DAYPART_HOUR, (m) => dayPartClock(Number(m[1]), m[2]!));
  for (const match of masked.matchAll(HOUR_RANGE)) {
    // "с 9 до 18 часов": two times, each where its hour is written.
    const firstStart = match.index + match[0].search(/\d/);
    const secondStart = match.index + match[0].lastIndexOf(match[2]!);
    for (const [start, hour] of [
      [firstStart, match[1]!],
      [secondStart, match[2]!],
    ] as const) {
      const value = clock(Number(hour) % 24, 0, undefined);
      if (value) times.push({ start, end: start + hour.length, text: text.slice(start, start + hour.length), value });
    }
  }
  masked = mask(masked, times);
  times.push(...wordTimes(masked, text, unmasked(masked, numberWords)));
  return times.sort((a, b) => a.start - b.start);
}

/** Before an hour in words, what makes it a half or a quarter: "half past nine", "в половине десятого", "о пів на десяту". */
const HALF_HOURS: ReadonlyArray<[RegExp, number, number]> = [
  [/(?:^|\s)half past\s+$/iu, 0, 30],
  [/(?:^|\s)quarter past\s+$/iu, 0, 15],
  [/(?:^|\s)quarter to\s+$/iu, -1, 45],
  [/(?:^|\s)(?:в\s+)?половин[еуы]\s+$/iu, -1, 30],
  [/(?:^|\s)без четверти\s+$/iu, -1, 45],
  [/(?:^|\s)(?:о\s+)?пів на\s+$/iu, -1, 30],
  [/(?:^|\s)за чверть\s+$/iu, -1, 45],
];
const HOUR_WORD_CUE = /(?:^|\s)(?:at|from|until|till|by|to|в|во|с|со|до|к|о|об|з|із|від|до)\s+$/iu;

/**
 * Clock times in words: an hour with a part of the day ("восьми утра", "nine in the evening",
 * "з восьмої ранку"), a half or a quarter ("half past nine", "в половине десятого утра",
 * "о пів на десяту"), or an hour and its minutes ("в девять тридцать", "at nine thirty").
 */
function wordTimes(masked: string, text: string, words: readonly NumberWords[]): Found<TimeValue>[] {
  const found: Found<TimeValue>[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const hourWord = words[i]!;
    if (hourWord.value < 1 || hourWord.value > 12) continue;
    const before = masked.slice(Math.max(0, hourWord.start - 20), hourWord.start);
    let hour = hourWord.value;
    let minutes = 0;
    let start = hourWord.start;
    let end = hourWord.end;
    let cued = false;
    const half = HALF_HOURS.find(([pattern]) => pattern.test(before));
    if (half) {
      hour = ((hour + half[1] + 11) % 12) + 1;
      minutes = half[2];
      const cue = half[0].exec(before)!;
      start = hourWord.start - before.length + cue.index + /^\s*/u.exec(cue[0])![0].length;
      cued = true;
    } else {
      const next = words[i + 1];
      if (next && !next.ordinal && next.value >= 5 && next.value <= 55 && /^\s+$/u.test(masked.slice(hourWord.end, next.start))) {
        minutes = next.value;
        end = next.end;
        cued = HOUR_WORD_CUE.test(before);
        i += 1;
      }
    }
    const part = DAYPART_AFTER.exec(masked.slice(end, end + 40));
    if (part) {
      const value = dayPartClock(hour, part[1]!, minutes);
      end += part[0].length;
      if (value) found.push({ start, end, text: text.slice(start, end), value });
    } else if (cued && minutes > 0) {
      found.push({ start, end, text: text.slice(start, end), value: { hours: hour, minutes } });
    }
  }
  return found;
}

/** Hours as a range with the word for hours after the second: "с 9 до 18 часов", "з 9 до 18 години", "from 9 to 18 h". */
const HOUR_RANGE =
  /(?<![\p{L}\p{N}])(?:с|со|з|із|від|from)[\s\u00a0]+([01]?\d|2[0-4])[\s\u00a0]*(?:до|по|to|till|until|[-–—])[\s\u00a0]*([01]?\d|2[0-4])[\s\u00a0]*(?:часов|часа|ч\.|годин[иа]?|год\.|hours|h|o'clock)(?![\p{L}])/giu;

/** Words for a part of the day after an hour: "8 утра", "nine in the evening", "о восьмій вечора". */
const DAYPART = '(утра|ранку|дня|вечера|вечора|ночи|ночі|in the morning|in the afternoon|in the evening|at night)';
const HOUR_WORD = "(?:[\\s\\u00a0]+(?:часов|часа|час|годин[аи]?|o'clock))?";
const DAYPART_HOUR = new RegExp(`(?<![\\p{L}\\p{N}.,:])(\\d{1,2})${HOUR_WORD}[\\s\\u00a0]+${DAYPART}(?![\\p{L}])`, 'giu');
const DAYPART_AFTER = new RegExp(`^${HOUR_WORD}[\\s\\u00a0]+${DAYPART}(?![\\p{L}])`, 'iu');

function dayPartClock(hour: number, part: string, minutes = 0): TimeValue | null {
  if (hour < 1 || hour > 12) return null;
  const word = part.toLowerCase();
  const morning = word === 'утра' || word === 'ранку' || word === 'in the morning';
  const night = word === 'ночи' || word === 'ночі' || word === 'at night';
  let hours: number;
  if (morning) hours = hour === 12 ? 0 : hour;
  else if (night) hours = hour === 12 ? 0 : hour <= 4 ? hour : hour + 12;
  else hours = hour === 12 ? 12 : hour + 12;
  return hours < 24 ? { hours, minutes } : null;
}

export function parseTime(value: string): TimeValue {
  const [hours, minutes] = value.split(':').map(Number);
  return { hours: hours!, minutes: minutes! };
}

export const minutesOfDay = (time: TimeValue) => time.hours * 60 + time.minutes;

/** Whether a clock time is the verified one, a near miss (within `nearMinutes`), or another time. */
export function compareTime(found: TimeValue, fact: TimeValue, nearMinutes = 180): Closeness {
  const distance = Math.abs(minutesOfDay(found) - minutesOfDay(fact));
  if (distance === 0) return 'equal';
  return Math.min(distance, 1440 - distance) <= nearMinutes ? 'close' : 'other';
}

// ——— Counts ———

const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,${MASK}])(\\d{1,3}(?:([${GROUP_SPACE},.])\\d{3}(?![\\p{N}]))(?:\\2\\d{3}(?![\\p{N}]))*|\\d+)(?:[.,](\\d+))?(?![\\p{N}])`,
  'gu',
);

/** Words and signs that multiply a count: 20k, 20 thousand, 20 тыс., 1,5 млн. */
const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^k(?![\p{L}])/u, 1_000],
  [/^[ \u00a0\u2009\u202f]?(?:thousand|тыс\.?|тысяч[аиу]?|тис\.?|тисяч[аіу]?)(?![\p{L}])/iu, 1_000],
  [/^[ \u00a0\u2009\u202f]?(?:million|mln|млн\.?|миллион(?:а|ы|ов)?|мільйон(?:а|и|ів)?)(?![\p{L}])/iu, 1_000_000],
  [/^[ \u00a0\u2009\u202f]?(?:billion|bn|млрд\.?|миллиард(?:а|ы|ов)?|мільярд(?:а|и|ів)?)(?![\p{L}])/iu, 1_000_000_000],
];
const PERCENT = /^[ \u00a0\u2009\u202f]?(?:%|percent|per cent|процент\p{L}*|відсот\p{L}*)/iu;

const GROUP_SPACES = new RegExp(`[${GROUP_SPACE}]`, 'gu');

/** The value of digits as written: thousands separators dropped, a decimal comma or point read. */
export function parseCount(digits: string): number | null {
  const compact = digits.replace(GROUP_SPACES, '');
  if (isThousandsGrouping(digits)) return Number(digits.replace(/\D/g, ''));
  const grouped = /^(\d{1,3}(?:[,.]\d{3})+)(?:[.,](\d+))?$/.exec(compact);
  if (grouped) {
    const separator = /[,.]/.exec(grouped[1]!)![0];
    const decimal = grouped[2];
    if (decimal !== undefined && compact[grouped[1]!.length] !== separator) return Number(`${grouped[1]!.replace(/\D/g, '')}.${decimal}`);
  }
  const plain = /^(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (plain) return Number(plain[2] ? `${plain[1]}.${plain[2]}` : plain[1]);
  return null;
}

/**
 * Counts ("20,000", "20 000", "20.000", "20k", "20 thousand", "20 тыс.", "1,5 млн"). Numbers glued
 * to letters (G20, 3rd) are not counts; hyphenated ones ("90-day", "14-го") are marked compound.
 */
export function extractNumbers(text: string, numberWords?: readonly NumberWords[]): FoundNumber[] {
  const numbers: FoundNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    let end = start + match[0].length;
    const after = text.slice(end, end + 16);
    let value = parseCount(match[0]);
    if (value === null) continue;
    let multiplied = false;
    for (const [pattern, factor] of MULTIPLIERS) {
      const multiplier = pattern.exec(after);
      if (multiplier) {
        value = Math.round(value * factor);
        end += multiplier[0].length;
        multiplied = true;
        break;
      }
    }
    if (!multiplied && /^\p{L}/u.test(after)) continue;
    const compound = !multiplied && /^-\p{L}/u.test(after);
    const percent = PERCENT.exec(text.slice(end, end + 16));
    const yearLike = !multiplied && /^\d{4}$/.test(match[0]) && value >= 1900 && value <= 2100;
    numbers.push({ start, end, text: text.slice(start, end), value, yearLike, percent: percent !== null, compound });
  }
  for (const words of unmasked(text, numberWords)) {
    if (words.ordinal || overlapsAny(words, numbers)) continue;
    const percent = PERCENT.exec(text.slice(words.end, words.end + 16));
    numbers.push({
      start: words.start,
      end: words.end,
      text: text.slice(words.start, words.end),
      value: words.value,
      yearLike: false,
      percent: percent !== null,
      compound: false,
      spelled: true,
    });
  }
  return numbers.sort((a, b) => a.start - b.start);
}

// ——— Links ———

const URL_TRAILING = /[.,;:!?)\]'"»”…]+$/u;
const EXPLICIT_URL = /https?:\/\/[^\s<>"'«»“”]+/giu;
const BARE_URL =
  /(?<![\p{L}\p{N}@/.\-_])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:example|com|org|net|gov|int|info|edu|io|eu|ru|ua|uk)(?::\d+)?(?:\/[^\s<>"'«»“”]*)?(?![\p{L}\p{N}])/giu;

/** A link brought to host and path ("HTTPS://www.MFA.azuria.example/Travel/" → mfa.azuria.example + /travel). */
export function normaliseUrl(raw: string): UrlValue | null {
  const cleaned = raw
    .trim()
    .replace(URL_TRAILING, '')
    .replace(/^https?:\/\//i, '');
  const match = /^([^/?#\s]+)(.*)$/u.exec(cleaned);
  if (!match) return null;
  const host = match[1]!
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/:(80|443)$/, '');
  if (!host.includes('.')) return null;
  let path = match[2]!.toLowerCase();
  while (path.endsWith('/')) path = path.slice(0, -1);
  return { host, path };
}

/** Links in the text: with a scheme, "www." or a bare host (mfa.azuria.example/travel); `known` adds spans found elsewhere. */
export function extractUrls(text: string, known: readonly Span[] = []): Found<UrlValue>[] {
  const spans: Span[] = [];
  const add = (start: number, raw: string) => {
    const trimmed = raw.replace(URL_TRAILING, '');
    const span = { start, end: start + trimmed.length };
    if (trimmed && !overlapsAny(span, spans)) spans.push(span);
  };
  for (const match of text.matchAll(EXPLICIT_URL)) add(match.index, match[0]);
  for (const span of known) add(span.start, text.slice(span.start, span.end));
  for (const match of text.matchAll(BARE_URL)) add(match.index, match[0]);
  const urls: Found<UrlValue>[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const raw = text.slice(span.start, span.end);
    const value = normaliseUrl(raw);
    if (value) urls.push({ ...span, text: raw, value });
  }
  return urls;
}

/** Whether a link is the verified one, a near miss (same site, another page; or a misspelt host), or another site. */
export function compareUrl(found: UrlValue, fact: UrlValue): Closeness {
  if (found.host === fact.host) return found.path === fact.path ? 'equal' : 'close';
  return editDistance(found.host, fact.host, 2) <= 2 ? 'close' : 'other';
}

// ——— Names ———

/** Endings of inflected and feminine surnames and English possessives: Петровой, Петровою, Petrova's → петров, petrov. */
const NAME_ENDINGS = [
  'a',
  'ому',
  'ого',
  'ою',
  'ой',
  'ей',
  'ую',
  'юю',
  'ым',
  'им',
  'ых',
  'их',
  'ом',
  'ем',
  'ий',
  'ій',
  'ая',
  'яя',
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'і',
  'е',
  'є',
  'о',
];

/** A surname without its inflection, for comparing forms of one name: "Петровой" and "Petrova" → "петров", "petrov". */
export function nameKey(word: string): string {
  let folded = /^[\p{Ll}']+$/u.test(word) && !word.includes('ё') ? word : fold(word);
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  for (const ending of NAME_ENDINGS) {
    if (folded.endsWith(ending) && folded.length - ending.length >= 3) return folded.slice(0, -ending.length);
  }
  return folded;
}

// ——— Everything at once ———

/**
 * Every fact-like value in a draft, each character claimed once: links, then dates, clock times,
 * phone numbers and last counts. `exclude` are spans that hold no facts (hashtags, mentions).
 */
export function extractFacts(
  text: string,
  options: { exclude?: readonly Span[]; knownUrls?: readonly Span[]; knownPhones?: readonly string[] } = {},
): DraftFacts {
  const urls = extractUrls(text, options.knownUrls);
  const emails = findEmails(text);
  const rest = emails.length ? urls.filter((url) => !overlapsAny(url, emails)) : urls;
  const roundTheClock = [...text.matchAll(ROUND_THE_CLOCK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let masked = mask(text, [...rest, ...emails, ...roundTheClock, ...(options.exclude ?? [])]);
  // Numbers in words are read once; each step below takes those its predecessors left unclaimed.
  const numberWords = findNumberWords(masked);
  const dates = extractDates(masked, numberWords).map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
  masked = mask(masked, dates);
  const times = extractTimes(masked, numberWords).map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
  masked = mask(masked, times);
  const phones = extractPhones(masked, options.knownPhones).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
  masked = mask(masked, phones);
  const numbers = extractNumbers(masked, numberWords).map((n) => ({ ...n, text: text.slice(n.start, n.end) }));
  return { urls: rest, dates, times, phones, numbers };
}

// ——— Writing facts for people ———

const MONTH_NAMES: Readonly<Record<string, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  uk: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
};
const YEAR_SUFFIX: Readonly<Record<string, string>> = { ru: '\u00a0г.', uk: '\u00a0р.' };

/** A date as a person writes it in `language`: "14 June 2026", "14 июня 2026 г.", "14 червня". */
export function formatDate(date: DateValue, language: string, style: DateStyle = 'day-month', separator = '.'): string {
  const dd = String(date.day).padStart(2, '0');
  const mm = String(date.month).padStart(2, '0');
  switch (style) {
    case 'iso':
      return `${date.year ?? ''}-${mm}-${dd}`;
    case 'numeric':
      return date.year === undefined ? `${dd}${separator}${mm}` : `${dd}${separator}${mm}${separator}${date.year}`;
    case 'day':
      return String(date.day);
    default: {
      const names = MONTH_NAMES[language] ?? MONTH_NAMES.en!;
      const month = names[date.month - 1]!;
      const year = date.year === undefined ? '' : language in YEAR_SUFFIX ? ` ${date.year}${YEAR_SUFFIX[language]}` : ` ${date.year}`;
      if (style === 'month-day' && language === 'en') return `${month} ${date.day}${date.year === undefined ? '' : `, ${date.year}`}`;
      return `${date.day} ${month}${year}`;
    }
  }
}

/** A count with the digit grouping of `language`: 20,000 in English, 20 000 in Russian and Ukrainian. */
export function formatNumber(value: number, language: string): string {
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const separator = language === 'en' ? ',' : '\u00a0';
  const grouped = whole!.length > 4 || (language === 'en' && whole!.length > 3) ? whole!.replace(/\B(?=(\d{3})+(?!\d))/g, separator) : whole!;
  const decimal = fraction ? `${language === 'en' ? '.' : ','}${fraction}` : '';
  return `${value < 0 ? '-' : ''}${grouped}${decimal}`;
}

export const formatTime = (time: TimeValue) => `${String(time.hours).padStart(2, '0')}:${String(time.minutes).padStart(2, '0')}`;
