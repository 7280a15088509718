import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applyChanges, diffOutputs } from "./output/out-folder-changes";
import { rememberWritten, type OutFolderMemory } from "./output/generated-files";
import { cachedResult, recordRun, type HashMemory } from "./output/cache";
import { listFeatureFiles } from "./pipeline/feature-files";
import { recoverFolder } from "./output/swap-folder";
import { display, resolveGenOptions, type GenOptions, type GenOptionsInput } from "./cli/options";
import type { Generated, OutputListener } from "./pipeline/plan-outputs";
import { EarlyWrites, type WrittenEarly } from "./output/early-writes";
import { loadFeaturesInWorker } from "./pipeline/load/in-worker";
import type { Problem } from "./problems";

/**
 * The full generator pulls in ts-morph and TypeScript, which take longer to load than an unchanged
 * run takes in all; it is loaded only when the cache cannot answer.
 */
function generateInMemory(options: GenOptions, featureFiles: readonly string[], onOutput?: OutputListener): Promise<Generated> {
  // The worker starts running the feature files before ts-morph loads here (its own module is light).
  const loading = loadFeaturesInWorker(options, featureFiles);
  // Settled by generateInMemory in every case but one: this module failing to load.
  loading.catch(() => undefined);
  return (require("./pipeline/plan-outputs") as typeof import("./pipeline/plan-outputs")).generateInMemory(options, onOutput, { featureFiles, loading });
}

/** What a `gen` run did. */
export interface GenSummary {
  readonly features: number;
  /** Files written (created or changed), by name in the out folder. */
  readonly written: readonly string[];
  readonly unchanged: number;
  /** Generated files removed because their feature is gone. */
  readonly removed: readonly string[];
  /** True when the manifest cache proved everything up to date (no feature was loaded). */
  readonly fromCache: boolean;
  /** Every file the output depends on (feature files and all they import): `--watch` watches these. */
  readonly inputs: readonly string[];
  /** Lint warnings (empty when the cache answered: nothing changed since they were shown). */
  readonly warnings: readonly Problem[];
  readonly ms: number;
}

/** What `gen --check` found. */
export interface CheckResult {
  readonly ok: boolean;
  readonly features: number;
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly ms: number;
}

function options(input: GenOptionsInput | GenOptions): GenOptions {
  return "outDir" in input ? input : resolveGenOptions(input);
}

/**
 * `gen`: generates everything in memory, then writes only the files that changed and removes the
 * files of removed features. Rejects with a `GenerationError` (and writes nothing) when any
 * feature file fails.
 */
export async function generate(input: GenOptionsInput | GenOptions = {}): Promise<GenSummary> {
  const opts = options(input);
  const start = performance.now();
  recoverFolder(opts.outDir);
  const featureFiles = listFeatureFiles(opts.featuresDir);
  const cached = cachedResult(opts, featureFiles);
  if (cached !== undefined) {
    return { features: cached.featureCount, written: [], unchanged: cached.outputs, removed: [], fromCache: true, inputs: cached.inputs, warnings: [], ms: performance.now() - start };
  }
  // Changed files are written while the rest are still printed (see early-writes.ts).
  const early = new EarlyWrites(opts.outDir);
  try {
    let generated: Generated;
    let written: WrittenEarly;
    try {
      generated = await generateInMemory(opts, featureFiles, (name, content) => early.offer(name, content));
      written = await early.finish();
    } catch (e) {
      await early.abort();
      throw e;
    }
    return await writeGenerated(opts, generated, start, undefined, written);
  } finally {
    early.discard();
  }
}

/** What a watcher keeps between its runs, and where it puts the work its summary need not wait for. */
export interface WatchWrites {
  /** The out folder's files as the last run saw them: unchanged ones are not read again. */
  readonly outFolder: OutFolderMemory;
  /** The hashes the cache manifest recorded: unchanged files are not hashed again. */
  readonly hashes: HashMemory;
  /**
   * Runs `task` once the summary is out, when the watcher is quiet: the swapped-out folder's
   * deletion and the cache manifest (neither is part of the output, which is in place by then).
   * A task given a `key` replaces the one of that key not run yet.
   */
  readonly later: (task: () => void, key?: string) => void;
}

/**
 * Writes a run's output computed in memory: only the files that changed (all at once, see
 * out-folder-changes.ts), removing those no longer generated; records the run for the cache.
 * `start` is when the run began, for the summary's time; `watch`: see {@link WatchWrites};
 * `early`: what the run wrote into its staging folder already (see early-writes.ts).
 */
export async function writeGenerated(opts: GenOptions, generated: Generated, start: number, watch?: WatchWrites, early?: WrittenEarly): Promise<GenSummary> {
  const memory = watch?.outFolder;
  const changes = diffOutputs(opts.outDir, generated.files, memory, early?.existing);
  await applyChanges(opts.outDir, changes, watch?.later, early);
  if (memory !== undefined) for (const [name, content] of changes.write) rememberWritten(memory, join(opts.outDir, name), content);
  if (watch === undefined) recordRun(opts, generated);
  else watch.later(() => recordRun(opts, generated, watch.hashes), "manifest");
  return {
    features: generated.featureCount,
    written: [...changes.write.keys()].sort(),
    unchanged: changes.unchanged.length,
    removed: [...changes.extra],
    fromCache: false,
    inputs: generated.inputs,
    warnings: generated.warnings,
    ms: performance.now() - start,
  };
}

/**
 * `gen --check`: writes nothing; reports every generated file that is stale, missing or extra.
 * Trusts the cache only when it proves every input and output unchanged; otherwise generates in
 * memory and compares.
 */
export async function check(input: GenOptionsInput | GenOptions = {}): Promise<CheckResult> {
  const opts = options(input);
  const start = performance.now();
  // A run killed mid-swap left the folder missing: put the complete one back before comparing.
  recoverFolder(opts.outDir);
  const featureFiles = listFeatureFiles(opts.featuresDir);
  const cached = cachedResult(opts, featureFiles);
  if (cached !== undefined) return { ok: true, features: cached.featureCount, stale: [], missing: [], extra: [], ms: performance.now() - start };
  const generated = await generateInMemory(opts, featureFiles);
  const changes = diffOutputs(opts.outDir, generated.files);
  const ok = changes.write.size === 0 && changes.extra.length === 0;
  return { ok, features: generated.featureCount, stale: changes.stale, missing: changes.missing, extra: changes.extra, ms: performance.now() - start };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `12 features, 3 written, 22 unchanged, in 840 ms` (and removals, when any). */
export function formatSummary(s: GenSummary): string {
  const removed = s.removed.length > 0 ? `, ${s.removed.length} removed` : "";
  return `${plural(s.features, "feature")}, ${s.written.length} written, ${s.unchanged} unchanged${removed}, in ${Math.round(s.ms)} ms`;
}

/** The lines `gen --check` prints. */
export function formatCheck(opts: GenOptions, r: CheckResult): string {
  const out = (name: string) => display(opts, `${opts.outDir}/${name}`);
  if (r.ok) return `${plural(r.features, "feature")}, generated files up to date, in ${Math.round(r.ms)} ms`;
  return [
    `generated files are out of date; run \`npm run gen\`:`,
    ...r.stale.map((n) => `  stale:   ${out(n)}`),
    ...r.missing.map((n) => `  missing: ${out(n)}`),
    ...r.extra.map((n) => `  extra:   ${out(n)}`),
  ].join("\n");
}
