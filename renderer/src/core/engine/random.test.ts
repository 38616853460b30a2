// Runtime: Node (tests). The seeded generator: reproducible and evenly spread.
import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random';

const draws = (seed: number | string, count: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed, numeric or text', () => {
    expect(draws(7, 100)).toEqual(draws(7, 100));
    expect(draws('attempt-1', 100)).toEqual(draws('attempt-1', 100));
  });

  it('gives different sequences for different seeds, even adjacent ones', () => {
    expect(draws(1, 20)).not.toEqual(draws(2, 20));
    expect(draws('a', 20)).not.toEqual(draws('b', 20));
    expect(draws(1, 20)).not.toEqual(draws('1', 20));
  });

  it('stays the same sequence from one run to the next', () => {
    const random = createRandom(2024);
    expect([random.next(), random.next(), random.next()]).toEqual([0.7652199938893318, 0.7498473152518272, 0.22838668385520577]);
  });

  it('accepts fractional and negative seeds but not NaN', () => {
    expect(draws(-3.5, 5)).toEqual(draws(-3.5, 5));
    expect(draws(-3.5, 5)).not.toEqual(draws(3.5, 5));
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });

  it('draws in [0, 1) with a mean near one half', () => {
    const values = draws('distribution', 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const deciles = new Array<number>(10).fill(0);
    for (const value of values) deciles[Math.floor(value * 10)]! += 1;
    for (const count of deciles) expect(count).toBeGreaterThan(850);
  });

  it('pick reaches every item and refuses an empty list', () => {
    const random = createRandom('pick');
    const items = ['x', 'telegram', 'vk'] as const;
    const picked = new Set(Array.from({ length: 200 }, () => random.pick(items)));
    expect(picked).toEqual(new Set(items));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('is stable from one run to the next', () => {
    expect(deriveSeed(42, 'post-1')).toBe(247648070);
    expect(deriveSeed('attempt-7', 'reply-2', 3)).toBe(2938969466);
    expect(deriveSeed(0)).toBe(2253123254);
  });

  it('keeps parts apart: boundaries and types matter', () => {
    expect(deriveSeed(42, 'a', 'bc')).toBe(3517260073);
    expect(deriveSeed(42, 'ab', 'c')).toBe(2870166032);
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, '1'));
    expect(deriveSeed(42, 'post-1')).not.toBe(deriveSeed(43, 'post-1'));
  });

  it('gives unsigned 32-bit seeds whose streams differ per part', () => {
    const seeds = ['post-1', 'post-2', 'post-3'].map((item) => deriveSeed(9, item));
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    expect(new Set(seeds.map((seed) => createRandom(seed).next())).size).toBe(3);
  });
});
