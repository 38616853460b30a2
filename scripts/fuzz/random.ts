// Runtime: Node (scripts). The fuzz suite's seeded randomness: the same seed gives the same inputs,
// on every machine, so a failing input is reproduced from its seed alone.

/** 32-bit mix of a run seed and an input's index: each input has its own independent stream. */
export function inputSeed(runSeed: number, index: number): number {
  let h = (Math.imul(runSeed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast and good enough to pick shapes of hostile input. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: `[[3, 'a'], [1, 'b']]` gives 'a' three times as often. */
  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    const total = items.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [weight, item] of items) {
      at -= weight;
      if (at < 0) return item;
    }
    return items[items.length - 1]![1];
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = this.int(256);
    return out;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** Sizes that sit on the usual limits (and just past them), as often as random ones. */
export function edgySize(rng: Rng, around: readonly number[], max: number): number {
  if (rng.chance(0.5)) return rng.int(max + 1);
  const base = rng.pick(around);
  return Math.max(0, base + rng.between(-2, 2));
}

/** Odd characters that break naive text handling: controls, bidi overrides, lone surrogates, joiners, combining marks, astral emoji. */
export const ODD_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2069',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\ud800',
  '\udfff',
  '\u0301',
  '\u0336',
  '\u0e47',
  '\u1f00',
  'ﷺ',
  '𝕏',
  '🏳️‍🌈',
  '👩‍👩‍👧‍👦',
  '🇺🇦',
  'İ',
  'ß',
  'ﬃ',
  'ǅ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\\',
  '"',
  "'",
  '`',
  '$',
  '{',
  '}',
  '%s',
  '%n',
  '${x}',
  '{{x}}',
  '&',
  '<',
  '>',
  '#',
  ':',
  '- ',
  '? ',
  '|',
  '*',
  '!',
  '@',
  ',',
  '[',
  ']',
];

export function oddString(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.chance(0.3) ? rng.pick(ODD_CHARACTERS) : String.fromCharCode(rng.between(0x20, 0x7e));
  return out;
}
