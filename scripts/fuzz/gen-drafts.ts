// Runtime: Node (scripts). Hostile drafts for the grader: long runs of what makes URL, e-mail,
// hashtag, phone and number extraction backtrack (dots, hyphens, www., e-mail-like text, digits),
// emoji, RTL and combining text, and mixtures of them; up to and past 100,000 characters.
import type { Rng } from './random';
import { oddString } from './random';

export const DRAFT_KINDS = [
  'dots',
  'hyphens',
  'www',
  'email-like',
  'digits',
  'url-like',
  'emoji',
  'rtl',
  'combining',
  'hashtags',
  'mixed',
  'odd',
  'words',
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface DraftTask {
  scenario: string;
  task: string;
  language: string;
}

export interface DraftPayload extends DraftTask {
  text: string;
}

const PIECES: Record<Exclude<DraftKind, 'mixed' | 'odd' | 'words'>, readonly string[]> = {
  dots: ['.', '. ', '..', 'a.', '1.'],
  hyphens: ['-', '--', 'a-', '-1', '—', '- '],
  www: ['www.', 'www', 'www.a', 'www.-', 'http://www.'],
  'email-like': ['a@b.', 'a.b@c.d', '@', 'a@', '.a@b-c.', 'x@y.co '],
  digits: ['1', '12', '0', '1 ', '1.', '1,', '+1', '(1)', '12:30', '1/2/', '+7 (', '9'],
  'url-like': ['http://', 'https://a.b/', 'a.co/', '?a=b&', '#x', '%20', ':80/', 'a.b.c.d.'],
  emoji: ['🙂', '👩‍👩‍👧‍👦', '🇺🇦', '🏳️‍🌈', '\u200d', '\ufe0f', '❤️', '🔥 '],
  rtl: ['مرحبا ', 'שלום ', '\u202e', '\u202b', '\u200f', '؟', 'ال', '١٢٣'],
  combining: ['e\u0301', '\u0336', '\u0489', 'a\u0300\u0301\u0302\u0303', '\u0e47'],
  hashtags: ['#', '#a', '#a#b', '@a', '@', '$A', '#1', '＃'],
};

const WORDS = [
  'the',
  'embassy',
  'consulate',
  'citizens',
  'flights',
  'are',
  'suspended',
  'call',
  'hotline',
  'visit',
  'посольство',
  'граждане',
  'рейсы',
  'гаряча',
  'лінія',
  'today',
  'not',
  'we',
  'regret',
];

function run(rng: Rng, pieces: readonly string[], length: number, oneOnly: boolean): string {
  const chosen = oneOnly ? [rng.pick(pieces)] : pieces;
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = rng.pick(chosen);
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

/** A draft's length: the first ceiling, past it, or any size up to it. */
const LENGTHS = [100_000, 100_001, 99_999, 50_000, 120_000, 10_000, 280, 5_000, 1_000_000];

export function generateDraft(rng: Rng, kind: DraftKind, task: DraftTask): DraftPayload {
  const length = rng.chance(0.7) ? rng.pick(LENGTHS) : rng.int(100_000);
  let text: string;
  if (kind === 'mixed') {
    const families = Object.values(PIECES);
    text = '';
    while (text.length < length) text += run(rng, rng.pick(families), rng.between(1, 20_000), rng.chance(0.5));
    text = text.slice(0, length);
  } else if (kind === 'odd') text = oddString(rng, length);
  else if (kind === 'words') {
    const words: string[] = [];
    for (let size = 0; size < length; size += 8) words.push(rng.pick(WORDS));
    text = words.join(rng.pick([' ', '. ', '\n', ', '])).slice(0, length);
  } else {
    const body = run(rng, PIECES[kind], length, rng.chance(0.6));
    // Sometimes embedded in a sentence, where the extraction starts from a word.
    text = rng.chance(0.3) ? `Please call ${body} today.` : body;
  }
  return { ...task, text };
}
