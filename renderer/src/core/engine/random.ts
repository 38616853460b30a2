// Runtime: any (pure core). Seeded randomness for the simulation. The engine never saves a generator's
// state: it derives a seed for each published item with deriveSeed, draws that item's whole reaction
// at once, and keeps the finished plan in the timeline, so a restored attempt holds the same future.
// The algorithm is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state,
// passes PractRand, and needs nothing but 32-bit integer arithmetic.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** One of `items`, each equally likely. */
  pick<T>(items: readonly T[]): T;
}

const UINT32 = 0x1_0000_0000;

/** Murmur3's finaliser: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed; stable across runs and platforms. */
function hashString(text: string): number {
  let h = 0x811c_9dc5;
  for (let index = 0; index < text.length; index++) {
    h = Math.imul(h ^ text.charCodeAt(index), 0x0100_0193);
  }
  return mix32(h);
}

function seedWord(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed);
  if (!Number.isFinite(seed)) throw new RangeError(`a seed must be a finite number or a string, not ${seed}`);
  if (Number.isInteger(seed) && seed >= 0 && seed < UINT32) return seed;
  return hashString(`number:${seed}`);
}

/**
 * A seed for an independent stream, fixed by its parts alone: the reactions to one published item use
 * deriveSeed(seed, itemId), so they do not shift when other items are published before or after it.
 */
export function deriveSeed(seed: number | string, ...parts: readonly (string | number)[]): number {
  // Each part is tagged with its type and length so that ("ab", "c") and ("a", "bc"), or 1 and "1", differ.
  let key = `${typeof seed}:${String(seed)}`;
  for (const part of parts) {
    const text = String(part);
    key += `|${typeof part === 'number' ? 'n' : 's'}${text.length}:${text}`;
  }
  return hashString(key);
}

function fromState(initial: { a: number; b: number; c: number; d: number }): Random {
  let a = initial.a;
  let b = initial.b;
  let c = initial.c;
  let d = initial.d;

  const nextWord = (): number => {
    const result = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + result) >>> 0;
    return result;
  };
  const next = (): number => nextWord() / UINT32;

  return {
    next,
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}

export function createRandom(seed: number | string): Random {
  // splitmix32 spreads one seed word over the four state words; the first outputs of sfc32 are then
  // discarded, as its author recommends, so that near seeds (1, 2, 3…) give unrelated sequences.
  let s = seedWord(seed);
  const splitmix = (): number => {
    s = (s + 0x9e37_79b9) >>> 0;
    return mix32(s);
  };
  const random = fromState({ a: splitmix(), b: splitmix(), c: splitmix(), d: splitmix() });
  for (let round = 0; round < 12; round++) random.next();
  return random;
}
