// Runtime: renderer. Turns wall time into the machine's clock events: at 1× one simulated minute
// passes per real minute (the pace of a real desk); faster speeds divide the wait. The machine never
// sees wall time, only these ticks, so a reload resumes at the same simulated minute.
import { useEffect, useRef } from 'react';
import type { ClockSpeed } from '../../core/engine/machine';

export const REAL_MS_PER_SIMULATED_MINUTE = 60_000;

export function tickIntervalMs(speed: ClockSpeed): number | null {
  return speed === 0 ? null : REAL_MS_PER_SIMULATED_MINUTE / speed;
}

/** `ticksPerMinute` splits each simulated minute into that many ticks (a live stream is watched by the quarter minute). */
export function useSimulatedClock(running: boolean, speed: ClockSpeed, tick: () => void, ticksPerMinute = 1): void {
  const tickRef = useRef(tick);
  useEffect(() => {
    tickRef.current = tick;
  });
  useEffect(() => {
    const interval = tickIntervalMs(speed);
    if (!running || interval === null) return;
    const timer = window.setInterval(() => tickRef.current(), interval / ticksPerMinute);
    return () => window.clearInterval(timer);
  }, [running, speed, ticksPerMinute]);
}
