/**
 * Options for fuzzing properties: a fixed seed (`seed`, 42 unless the suite has its own; FC_SEED overrides it), `defaultRuns` cases in
 * `npm test` (about 1,000; each suite picks its count from what it costs), and FUZZ_RUNS cases in
 * `npm run fuzz` (100,000). fast-check prints the seed and the
 * shrunk counterexample's path when a property fails, so a failure replays with FC_SEED.
 */
export function fuzzOptions(defaultRuns = 1_000, seed = 42): { seed: number; numRuns: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  return { seed: Number(process.env.FC_SEED ?? seed), numRuns: Number.isSafeInteger(runs) && runs > 0 ? runs : defaultRuns };
}

/** True under `npm run fuzz`: suites with a per-test timeout raise it for the long run. */
export const FUZZING = process.env.FUZZ_RUNS !== undefined;

/** A jest timeout for a fuzz property: 60 s in `npm test`, unbounded-ish (1 h) under `npm run fuzz`. */
export const FUZZ_TIMEOUT_MS = FUZZING ? 3_600_000 : 60_000;
