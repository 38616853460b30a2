// Runtime: Node (Vitest). How long the desk waits between clock ticks at each speed: a simulated
// minute per real minute at 1×, one a second at 60×, none while paused.
import { describe, expect, it } from 'vitest';
import { CLOCK_SPEEDS } from '../../core/engine/machine';
import { REAL_MS_PER_SIMULATED_MINUTE, tickIntervalMs } from './clock';

describe('the simulated clock', () => {
  it('ticks once a real minute at 1×, once a second at 60×, and never while paused', () => {
    expect(tickIntervalMs(0)).toBeNull();
    expect(tickIntervalMs(1)).toBe(REAL_MS_PER_SIMULATED_MINUTE);
    expect(tickIntervalMs(60)).toBe(1_000);
    expect(CLOCK_SPEEDS.map(tickIntervalMs)).toEqual([null, 60_000, 30_000, 15_000, 7_500, 4_000, 2_000, 1_000]);
  });
});
