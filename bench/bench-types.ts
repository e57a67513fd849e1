/** What every benchmark suite reports: one figure per metric, in results.json as [{name, value, unit}]. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/**
 * `full`: the sizes the metrics are named after and the README's figures are measured at (`npm run bench`).
 * `quick`: every suite at a small size, a few seconds each (`npm run bench -- --quick`, run by CI), to prove that
 * every suite still runs whole; its figures are not comparable with the full ones.
 */
export type BenchSize = 'full' | 'quick';

export interface BenchSuite {
  /** Matched by `npm run bench -- --only <substring>`. */
  name: string;
  run(size: BenchSize): Promise<BenchResult[]>;
}
