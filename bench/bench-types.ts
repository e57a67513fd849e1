/** What every benchmark suite reports: one figure per metric, in results.json as [{name, value, unit}]. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export interface BenchSuite {
  /** Matched by `npm run bench -- --only <substring>`. */
  name: string;
  run(): Promise<BenchResult[]>;
}
