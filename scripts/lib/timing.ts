// Runtime: Node (scripts). How the benches time a piece of work: run it a few times to warm up,
// then time each of `iterations` runs and take the median and the 95th percentile.
import { performance } from 'node:perf_hooks';

export interface Timing {
  p50: number;
  p95: number;
}

/** Times `run`: `warmups` untimed runs (given the iteration -1), then `iterations` timed ones (given 0, 1, 2…). */
export function timed(run: (iteration: number) => unknown, iterations: number, warmups = 1): Timing {
  for (let i = 0; i < warmups; i += 1) run(-1);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
