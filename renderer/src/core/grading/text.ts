// Runtime: any (pure core). Words of a draft with their positions, folded and stemmed per language,
// so that "Киеве" matches "Киев", "ё" matches "е", and a keyword list matches inflected forms.
// JavaScript's \b does not see Cyrillic letters: word edges here are Unicode letter classes.
import { StemmerUk } from '@nlpjs/lang-uk';
import { newStemmer } from 'snowball-stemmers';
import { appendTo } from './analysis';

export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** Lower-cased, ё folded to е, typographic apostrophes unified. */
  folded: string;
  stem: string;
}

/** Letters and digits, with apostrophes inside words (Ukrainian м'ясо, English don't). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ]/g, "'");
}

type Stemmer = (word: string) => string;

const snowballEnglish = newStemmer('english');
const snowballRussian = newStemmer('russian');
const ukrainian = new StemmerUk();

const STEMMERS: Record<string, Stemmer> = {
  en: (word) => snowballEnglish.stem(word),
  ru: (word) => snowballRussian.stem(word),
  uk: (word) => ukrainian.stemWord(word),
};

/** Languages with stemming (and lexicons) at full depth. */
export const GRADED_LANGUAGES = ['en', 'ru', 'uk'] as const;
export type GradedLanguage = (typeof GRADED_LANGUAGES)[number];
export const isGradedLanguage = (language: string | null | undefined): language is GradedLanguage =>
  language === 'en' || language === 'ru' || language === 'uk';

const stemCache = new Map<string, Map<string, string>>();

/** The stem of one folded word; numbers and words of other scripts stay as they are. */
export function stem(folded: string, language: string): string {
  const stemmer = STEMMERS[language];
  if (!stemmer || /^\p{N}+$/u.test(folded)) return folded;
  let cache = stemCache.get(language);
  if (!cache) {
    cache = new Map();
    stemCache.set(language, cache);
  }
  let result = cache.get(folded);
  if (result === undefined) {
    // Stemmers see apostrophes as word ends: stem without them, which is how they are indexed too.
    result = stemmer(folded.replace(/'/g, '')) || folded;
    if (cache.size > 50_000) cache.clear();
    cache.set(folded, result);
  }
  return result;
}

export function tokenize(text: string, language: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length, folded, stem: stem(folded, language) });
  }
  return tokens;
}

/** A phrase to look for: its words in order, and what it stands for. */
interface Phrase<T> {
  words: Array<{ folded: string; stem: string }>;
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
  /** Index of the first matched token. */
  tokenIndex: number;
}

/** Longest ending an inflected form may add to the written form of a keyword (Киев → Киеве, Петров → Петрова). */
const MAX_ADDED_ENDING = 3;

/**
 * Whether a draft word is a form of a keyword word: the same stem, or the keyword as written plus
 * a short ending — stemmers over-cut some proper names (Snowball takes "Киев" to "ки").
 */
function sameWord(keyword: { folded: string; stem: string }, word: Token): boolean {
  if (keyword.stem === word.stem) return true;
  return word.folded.startsWith(keyword.folded) && word.folded.length - keyword.folded.length <= MAX_ADDED_ENDING;
}

/**
 * Finds phrases (sequences of words, matched by stem) in tokenized text. Built once per context
 * and reused for every keystroke: lookups go through the first word's stem or written form.
 */
export class PhraseMatcher<T> {
  private readonly byStem = new Map<string, Phrase<T>[]>();
  private readonly byForm = new Map<string, Phrase<T>[]>();

  constructor(
    phrases: Iterable<{ text: string; value: T }>,
    readonly language: string,
  ) {
    for (const { text, value } of phrases) {
      const words = tokenize(text, language).map(({ folded, stem }) => ({ folded, stem }));
      if (!words.length) continue;
      const phrase = { words, value };
      appendTo(this.byStem, words[0]!.stem, phrase);
      if (words[0]!.folded !== words[0]!.stem) appendTo(this.byForm, words[0]!.folded, phrase);
    }
  }

  find(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      const candidates = new Set(this.byStem.get(token.stem));
      for (let cut = 0; cut <= MAX_ADDED_ENDING && cut < token.folded.length; cut += 1) {
        for (const phrase of this.byForm.get(token.folded.slice(0, token.folded.length - cut)) ?? []) candidates.add(phrase);
      }
      for (const phrase of candidates) {
        const length = phrase.words.length;
        if (i + length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < length && ok; k += 1) ok = sameWord(phrase.words[k]!, tokens[i + k]!);
        if (ok) matches.push({ value: phrase.value, start: token.start, end: tokens[i + length - 1]!.end, tokenIndex: i });
      }
    }
    return matches;
  }
}
