// Runtime: Node (Vitest). Simulated time reads as H:MM, the way packs write offsets.
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../core/pack/schema';
import { formatSimTime } from './sim-time';

describe('formatSimTime', () => {
  it('shows minutes from the start as H:MM, whole minutes only and never before the start', () => {
    expect(formatSimTime(0)).toBe('0:00');
    expect(formatSimTime(5)).toBe('0:05');
    expect(formatSimTime(75)).toBe('1:15');
    expect(formatSimTime(180)).toBe('3:00');
    expect(formatSimTime(5.9)).toBe('0:05');
    expect(formatSimTime(-3)).toBe('0:00');
  });

  it('writes offsets a pack reads back as the same minute', () => {
    for (const minutes of [0, 1, 59, 60, 61, 179, 600]) expect(offsetMinutes(formatSimTime(minutes))).toBe(minutes);
  });
});
