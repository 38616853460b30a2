// Runtime: any (pure core). Where words stand in a draft: their sentence and clause, whether a
// negation governs them ("we never ask for your passport number", "does not allow you to work",
// "не дозволяє працювати"), and whether they are someone else's words — inside quotation marks,
// or in a sentence that reports a claim in order to rebut it ("Reports that the embassy will
// deport citizens are false"). Red lines and tone read words in their scope, not alone.
import { findCue } from './cues';
import type { Token } from './text';
import type { Span } from './types';

/** Words that negate what follows them in their clause. */
const NEGATORS = new Set([
  // English (contractions are one token: "don't", "can't")
  'not',
  'never',
  'no',
  'nor',
  'neither',
  'nobody',
  'none',
  'without',
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "can't",
  'cannot',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "shouldn't",
  "wouldn't",
  "mustn't",
  "haven't",
  "hasn't",
  'dont',
  'doesnt',
  'wont',
  'cant',
  // Russian
  'не',
  'ни',
  'нет',
  'никогда',
  'нельзя',
  'никто',
  'никак',
  'ничего',
  'ничем',
  'без',
  'ни в коем',
  // Ukrainian
  'ні',
  'ніколи',
  'ніхто',
  'ніяк',
  'нічого',
  'нема',
  'немає',
  'жоден',
  'жодного',
  'жодних',
]);

/** How many words back a negation reaches within its clause. */
const NEGATION_REACH = 6;

/** Punctuation that closes a clause: a negation does not reach across it. */
const CLAUSE_BREAK = /[,;:.!?…—–()\n]/;
const SENTENCE_BREAK = /[.!?…;\n]/;

export const isNegator = (token: Token) => NEGATORS.has(token.folded);

/** Whether a negation in the same clause, a few words before `index`, governs the token there. */
export function isNegated(text: string, tokens: readonly Token[], index: number): boolean {
  let reach = NEGATION_REACH;
  for (let i = index - 1, steps = 0; i >= 0 && steps < reach; i -= 1, steps += 1) {
    if (CLAUSE_BREAK.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return false;
    if (isNegator(tokens[i]!)) return true;
    // "do not follow the link in that post or enter any card details": the negation carries over "or".
    if (COORDINATORS.has(tokens[i]!.folded)) reach = steps + 2 * NEGATION_REACH;
  }
  return false;
}

/** Words that join two verbs under one negation: "not A or B", "не А и не Б", "не А або Б". */
const COORDINATORS = new Set(['or', 'nor', 'and', 'или', 'либо', 'и', 'ни', 'або', 'чи', 'і', 'й', 'та']);

export interface Sentence {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** `find` computed once per token list: several rules read the same draft's sentences and spans. */
function oncePerDraft<T>(find: (text: string, tokens: readonly Token[]) => T): (text: string, tokens: readonly Token[]) => T {
  const cache = new WeakMap<readonly Token[], T>();
  return (text, tokens) => {
    if (cache.has(tokens)) return cache.get(tokens)!;
    const found = find(text, tokens);
    cache.set(tokens, found);
    return found;
  };
}

/** The sentences of a text as spans of token indices [first, last]. */
export const sentences: (text: string, tokens: readonly Token[]) => Sentence[] = oncePerDraft((text, tokens) => findSentences(text, tokens));

function findSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const result: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const next = tokens[i + 1];
    const gap = next ? text.slice(tokens[i]!.end, next.start) : '';
    if (!next || SENTENCE_BREAK.test(gap.replace(/\.(?=\p{L})/gu, ''))) {
      result.push({ first, last: i, start: tokens[first]!.start, end: tokens[i]!.end });
      first = i + 1;
    }
  }
  return result;
}

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['«', '»'],
  ['“', '”'],
  ['„', '“'],
  ['"', '"'],
];

/** Spans inside quotation marks (the marks included). */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0 || text.slice(start, end).includes('\n\n')) break;
      spans.push({ start, end: end + 1 });
      from = end + 1;
    }
  }
  return spans;
}

/** Word beginnings that report a claim, a rumour or a document someone else wrote. */
const CLAIM_CUES = [
  'claim',
  'rumour',
  'rumor',
  'report',
  'allege',
  'speculat',
  'theor',
  'version',
  'letter',
  'post',
  'message',
  'document',
  'so-called',
  'purport',
  'suggest',
  'circulat',
  'says',
  'saying',
  'stating',
  'утвержд',
  'слух',
  'сообщени',
  'домысл',
  'спекуляц',
  'верси',
  'догадк',
  'письм',
  'якобы',
  'документ',
  'публикац',
  'сообщают',
  'распространя',
  'вброс',
  'заявлени',
  'пост',
  'твердж',
  'чутк',
  'повідомлен',
  'домисл',
  'спекуляці',
  'версі',
  'здогадк',
  'лист',
  'нібито',
  'публікац',
  'поширю',
  'заяв',
  'допис',
];
/** Word beginnings that say a claim is false. */
const REBUTTAL_CUES = [
  'false',
  'fake',
  'untrue',
  'forged',
  'forgery',
  'fabricat',
  'hoax',
  'incorrect',
  'baseless',
  'groundless',
  'misinform',
  'disinform',
  'not true',
  'not genuine',
  'not authentic',
  'did not issue',
  'never issued',
  'ignore',
  'ложн',
  'фейк',
  'неправд',
  'поддел',
  'фальшив',
  'сфабрик',
  'не соответству',
  'недостовер',
  'дезинформ',
  'не выпуска',
  'не публиков',
  'игнорир',
  'неправдив',
  'підроб',
  'фальшив',
  'не відповіда',
  'недостовір',
  'дезінформ',
  'не видава',
  'не публікува',
  'ігнору',
  'not come from',
  'not from official',
  'no official',
  'unofficial',
  'unverified',
  'unconfirmed',
  'not confirmed',
  'не исходят',
  'не из официальн',
  'неофициальн',
  'непроверенн',
  'не подтвержд',
  'не походять',
  'не з офіційн',
  'неофіційн',
  'неперевірен',
  'не підтвердж',
  'not the case',
  'is not so',
  'это не так',
  'не соответствует',
  'це не так',
];

/** A short sentence that rebuts the one before it: "This is not the case." "Это не так." */
const REBUTTING_SENTENCE =
  /^(?:this|that|it|these|such claims?|это|этого|це|цього)\b.{0,30}?(?:not the case|not true|untrue|false|fake|не так|неправда|фейк|не соответствует|не відповідає)/iu;

const startsWithAny = (folded: string, cues: readonly string[]) => cues.some((cue) => !cue.includes(' ') && folded.startsWith(cue));

/** Whether a sentence reports what others claim, say or spread (a rumour, a message, a letter). */
export function reportsClaim(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i += 1) if (startsWithAny(tokens[i]!.folded, CLAIM_CUES) || startsWithAny(tokens[i]!.folded, SCAM_CUES)) return true;
  return false;
}

/** Words for scams and scammers: what they ask people to do is reported, not asked. */
const SCAM_CUES = ['scam', 'fraud', 'phishing', 'impostor', 'мошенн', 'афер', 'фишинг', 'шахра', 'фішинг'];

/** Whether a sentence reports a claim to call it false: its words are not the author's. */
export function isRebuttal(tokens: readonly Token[], first: number, last: number): boolean {
  return rebuttalEnd(tokens, first, last) !== null;
}

/**
 * Where the rebuttal of a reported claim ends (the index of its last word), or null when the
 * sentence reports no claim to call it false. What follows ("…are false: he is healthy") is the
 * author's own statement again.
 */
function rebuttalEnd(tokens: readonly Token[], first: number, last: number): number | null {
  const words = tokens.slice(first, last + 1).map((token) => token.folded);
  if (!words.some((word) => startsWithAny(word, CLAIM_CUES))) return null;
  let end: number | null = null;
  words.forEach((word, i) => {
    if (startsWithAny(word, REBUTTAL_CUES)) end = first + i;
  });
  for (const cue of REBUTTAL_CUES) {
    if (!cue.includes(' ')) continue;
    const parts = cue.split(' ');
    for (let i = 0; i + parts.length <= words.length; i += 1) {
      if (parts.every((part, k) => words[i + k]!.startsWith(part))) end = Math.max(end ?? -1, first + i + parts.length - 1);
    }
  }
  return end;
}

/**
 * Spans of the draft that are not its author's own statement: quotations, and sentences that
 * report a claim in order to rebut it.
 */
export const reportedSpans: (text: string, tokens: readonly Token[]) => Span[] = oncePerDraft((text, tokens) => findReportedSpans(text, tokens));

function findReportedSpans(text: string, tokens: readonly Token[]): Span[] {
  const spans = quotedSpans(text);
  const all = sentences(text, tokens);
  all.forEach((sentence, index) => {
    const end = rebuttalEnd(tokens, sentence.first, sentence.last);
    if (end !== null) {
      spans.push({ start: sentence.start, end: tokens[end]!.end });
      return;
    }
    // "Some reports suggest visitors may work. This is not the case.": the claim is reported whole.
    const next = all[index + 1];
    const claims = tokens.slice(sentence.first, sentence.last + 1).some((token) => startsWithAny(token.folded, CLAIM_CUES));
    if (claims && next && REBUTTING_SENTENCE.test(text.slice(next.start, next.end).replace(/[’ʼ]/g, "'")))
      spans.push({ start: sentence.start, end: sentence.end });
  });
  return spans;
}

/** Sentences that refuse to speak of something ("the investigation will establish who is behind it"). */
const REFUSAL_FRAMES = [
  'will establish',
  'will determine',
  'until the investigation',
  'not comment',
  'cannot comment',
  'neither confirm nor deny',
  'will not speculate',
  'not speculate',
  'установит',
  'установят',
  'до окончания расследования',
  'не комментиру',
  'не будем комментировать',
  'не можем комментировать',
  'ни подтверждать, ни опровергать',
  'не будем гадать',
  'не будем строить догадок',
  'не спекулируем',
  'встановить',
  'встановлять',
  'до завершення розслідування',
  'не коментує',
  'не коментуватимемо',
  'не можемо коментувати',
  'ні підтверджувати, ні спростовувати',
  'не будемо гадати',
  'не будемо будувати здогадок',
  'не спекулюємо',
];

/** Spans of the sentences that refuse to speak of what a red line forbids: the words in them are named, not said. */
export function refusalSpans(text: string, tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  for (const sentence of sentences(text, tokens)) {
    if (REFUSAL_FRAMES.some((cue) => findCue(tokens, sentence.first, sentence.last, cue))) spans.push({ start: sentence.start, end: sentence.end });
  }
  return spans;
}
