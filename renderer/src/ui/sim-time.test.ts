// Runtime: Node (Vitest). Simulated time reads as H:MM, the way packs write offsets, and as H:MM:SS when a
// time carries seconds (live streams place comments and moderation between whole minutes).
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../core/pack/schema';
import { formatSimTime } from './sim-time';

describe('formatSimTime', () => {
  it('shows whole minutes from the start as H:MM and never before the start', () => {
    expect(formatSimTime(0)).toBe('0:00');
    expect(formatSimTime(5)).toBe('0:05');
    expect(formatSimTime(75)).toBe('1:15');
    expect(formatSimTime(180)).toBe('3:00');
    expect(formatSimTime(-3)).toBe('0:00');
  });

  // Live streams brought seconds into offsets: a time between whole minutes is no longer cut to its minute
  // (two comments in one minute would read alike, and a studio edit would move them), so the seconds show.
  it('shows the seconds of a time between whole minutes, a part of a second dropped, and always when asked', () => {
    expect(formatSimTime(5.9)).toBe('0:05:54');
    expect(formatSimTime(10.75)).toBe('0:10:45');
    expect(formatSimTime(20 / 60)).toBe('0:00:20');
    expect(formatSimTime(5 + 59.9 / 60)).toBe('0:05:59');
    expect(formatSimTime(75, { seconds: 'always' })).toBe('1:15:00');
  });

  it('writes offsets a pack reads back as the same time', () => {
    for (const minutes of [0, 1, 59, 60, 61, 179, 600]) expect(offsetMinutes(formatSimTime(minutes))).toBe(minutes);
    for (const minutes of [0.25, 10.75, 61.5]) expect(offsetMinutes(formatSimTime(minutes))).toBe(minutes);
  });
});
