/** Timing helpers of the bench: samples in milliseconds, medians and p95 by nearest rank. */

export interface Stats {
  runs: number;
  median: number;
  p95: number;
}

export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new RangeError('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { runs: sorted.length, median, p95 };
}

/**
 * Runs `fn` `warmup` times unmeasured (JIT, caches), then `runs` times measured. When `fn`
 * returns a number, that is the sample (it timed itself, leaving out its set-up).
 */
export async function measure(runs: number, warmup: number, fn: (i: number) => Promise<number | void> | number | void): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await fn(i);
    samples.push(typeof own === 'number' ? own : performance.now() - start);
  }
  return summarize(samples);
}
