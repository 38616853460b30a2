// Runtime: any (pure core). Cues: short phrases matched against a draft's words by their
// beginnings, so one cue takes every inflected form ("паспорт" takes "паспорта", "паспортом").
// Used where a rule looks for a clause pattern rather than a fixed phrase (red-line concepts,
// tone patterns).
import type { Token } from './text';

/**
 * A cue: words separated by spaces or hyphens, each the beginning of a word ("passport" takes
 * "passports"); a word of three letters or fewer, or one written "=word", must match whole, and
 * one written "word~" is a beginning however short ("буд~" takes "будет", "буде").
 */
export type Cue = string;

interface CompiledCue {
  words: Array<{ text: string; whole: boolean }>;
}

const compiledCues = new Map<Cue, CompiledCue>();

function compileCue(cue: Cue): CompiledCue {
  let compiled = compiledCues.get(cue);
  if (!compiled) {
    compiled = {
      words: cue
        .toLowerCase()
        .replace(/ё/g, 'е')
        .split(/[\s-]+/)
        .filter(Boolean)
        .map((word) => {
          // "=word" is whole; "word~" a beginning however short; otherwise a word of three letters
          // or fewer ("про", "the") is whole, so "про" does not take "продовжити".
          const prefix = word.endsWith('~');
          const whole = word.startsWith('=');
          const text = whole ? word.slice(1) : prefix ? word.slice(0, -1) : word;
          return { text, whole: whole || (!prefix && [...text].length <= 3) };
        }),
    };
    compiledCues.set(cue, compiled);
  }
  return compiled;
}

/** Where a cue stands among tokens[first..last]: the indices of its first and last words, or null. */
export function findCue(tokens: readonly Token[], first: number, last: number, cue: Cue): { index: number; end: number } | null {
  const { words } = compileCue(cue);
  for (let i = first; i + words.length - 1 <= last; i += 1) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k += 1) {
      const word = words[k]!;
      const token = tokens[i + k]!.folded;
      ok = word.whole ? token === word.text : token.startsWith(word.text);
    }
    if (ok) return { index: i, end: i + words.length - 1 };
  }
  return null;
}

export interface CueGroupsMatch {
  /** Where the first cue of each group stands, in the order of the groups. */
  hits: Array<{ index: number; end: number }>;
  /** From the first matched word to the last. */
  span: { start: number; end: number };
}

/**
 * Whether one cue of every group stands among tokens[first..last] (a sentence, usually): the
 * earliest match of each group, and the span they cover; null when a group has none.
 */
export function findCueGroups(tokens: readonly Token[], first: number, last: number, groups: readonly (readonly Cue[])[]): CueGroupsMatch | null {
  const hits: Array<{ index: number; end: number }> = [];
  for (const group of groups) {
    let best: { index: number; end: number } | null = null;
    for (const cue of group) {
      const at = findCue(tokens, first, last, cue);
      if (at && (!best || at.index < best.index)) best = at;
    }
    if (!best) return null;
    hits.push(best);
  }
  return { hits, span: { start: tokens[Math.min(...hits.map((h) => h.index))]!.start, end: tokens[Math.max(...hits.map((h) => h.end))]!.end } };
}
