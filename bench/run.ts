/**
 * The benchmark (issue 10): `npm run bench` at the root, `npm run bench -- --quick` for a short run.
 *
 * 1. Three fresh processes of bench/suite.ts (one with --quick), peer order rotated in each: each
 *    checks every evaluator against the plain reference, then times R1, R1-ambient, R2, R3, R5 and
 *    R4. A cell is the median of the processes' medians.
 * 2. Heap and load time of 10,000 features: the median of 3 fresh processes per evaluator, whose
 *    order is rotated each round (one load strays by about ±10 ms on the 2-core machine; --quick:
 *    this library only, one process). Also this library's load as installed: plain node, the
 *    packed package's runtime, 3 fresh processes (skipped with --quick).
 * 3. Where this library's cold load of 1,000 features goes, phase by phase; the app bundle's size
 *    (esbuild, minified, gzipped; Node entry points and ES module entry points).
 * 4. `gen` on 1,000 features: cold (median of 3 fresh projects), unchanged, one edit in --watch; once as a user's project runs
 *    it (the packed package installed), once from this checkout's sources (skipped with --quick).
 * 5. CLI start.
 *
 * Writes bench/RESULTS.md (--quick: bench/RESULTS-quick.md, so a short run never replaces the
 * full one) and prints it.
 */
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { jsonOf, median, runTs, type Run } from "./measure/child";
import { measureBundle, type BundleResult } from "./measure/bundle";
import { measureCliStart, measureGen, type GenResult, type Timed } from "./measure/gen";
import { packInstalled } from "./gen/run";
import { measureInstalledLoad, type HeapResult } from "./measure/heap";
import type { PhasesResult } from "./measure/phases";
import { allEvaluators } from "./evaluators";
import { formatResults, type Collected } from "./report";
import type { SuiteResult } from "./suite";

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function cpuNote(run: Run): string {
  return `${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU`;
}

/** Fresh processes per evaluator for the 10,000-feature load and heap (the full run). */
const HEAP_PROCESSES = 3;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes("--quick");
  const started = Date.now();
  const processes = quick ? 1 : 3;
  const suites: SuiteResult[] = [];
  for (let i = 0; i < processes; i++) {
    log(`timing process ${i + 1} of ${processes}`);
    const run = runTs(join(__dirname, "suite.ts"), ["--rotate", String(i * 3), ...(quick ? ["--quick"] : [])], ["--expose-gc"]);
    suites.push(jsonOf<SuiteResult>(run, "suite"));
    log(`  done, ${cpuNote(run)}`);
  }

  const heapNames = quick ? ["offline-features"] : allEvaluators().map((e) => e.name);
  const heapSamples = new Map<string, HeapResult[]>(heapNames.map((name) => [name, []]));
  const heapRounds = quick ? 1 : HEAP_PROCESSES;
  for (let round = 0; round < heapRounds; round++) {
    // Rotated, as the suites are: no evaluator always loads first, or last.
    const order = heapNames.map((_, i) => heapNames[(i + round) % heapNames.length]!);
    for (const name of order) {
      log(`heap of 10,000 features: ${name} (${round + 1} of ${heapRounds})`);
      try {
        heapSamples.get(name)!.push(jsonOf<HeapResult>(runTs(join(__dirname, "measure", "heap.ts"), [name], ["--expose-gc"]), `heap ${name}`));
      } catch (e) {
        log(String(e));
      }
    }
  }
  const heaps: HeapResult[] = heapNames.map((name) => {
    const samples = heapSamples.get(name)!;
    // A failed process leaves no sample: the cell says so rather than show a median of fewer.
    if (samples.length < heapRounds) return { name, loadMs: Number.NaN, heapMiB: Number.NaN };
    return { name, loadMs: median(samples.map((s) => s.loadMs)), heapMiB: median(samples.map((s) => s.heapMiB)), loadSamplesMs: samples.map((s) => s.loadMs) };
  });

  log("where the library's cold load goes");
  const phases = jsonOf<PhasesResult>(runTs(join(__dirname, "measure", "phases.ts"), [], ["--expose-gc"]), "phases");

  log("app bundle");
  const bundle: BundleResult = await measureBundle("main");
  const bundleModules: BundleResult = await measureBundle("module");
  const bundlePackage: BundleResult = await measureBundle("package");

  const gens: GenResult[] = [];
  let installedLoad: HeapResult | undefined;
  if (!quick) {
    log("npm pack: the package as a user installs it, for gen and the load as installed");
    const packageDir = packInstalled();
    try {
      const samples: HeapResult[] = [];
      try {
        for (let round = 0; round < HEAP_PROCESSES; round++) {
          log(`10,000 features as installed: plain node, the packed runtime (${round + 1} of ${HEAP_PROCESSES})`);
          samples.push(await measureInstalledLoad(packageDir));
        }
        installedLoad = { name: samples[0]!.name, loadMs: median(samples.map((s) => s.loadMs)), heapMiB: median(samples.map((s) => s.heapMiB)), loadSamplesMs: samples.map((s) => s.loadMs) };
      } catch (e) {
        // Reported as a failed row, as a failed heap.ts process is: the rest of the run still counts.
        log(`10,000 features as installed failed: ${e instanceof Error ? e.message : String(e)}`);
        installedLoad = { name: "offline-features, as installed", loadMs: Number.NaN, heapMiB: Number.NaN };
      }
      log("gen on 1,000 features as installed (cold, unchanged, one edit in --watch)");
      gens.push(await measureGen(1000, { kind: "installed", packageDir }));
    } finally {
      rmSync(dirname(packageDir), { recursive: true, force: true });
    }
    log("gen on 1,000 features from this checkout (cold, unchanged, one edit in --watch)");
    gens.push(await measureGen(1000));
  }

  log("CLI start");
  const cli: Timed[] = measureCliStart(quick ? 1 : 5);

  const collected: Collected = { quick, suites, heaps, installedLoad, phases, bundle, bundleModules, bundlePackage, gens, cli, seconds: (Date.now() - started) / 1000 };
  const text = formatResults(collected);
  const file = join(__dirname, quick ? "RESULTS-quick.md" : "RESULTS.md");
  writeFileSync(file, text);
  process.stdout.write(text);
  log(`wrote ${file} in ${collected.seconds.toFixed(0)} s`);
  const failed = suites.some((s) => s.evaluators.some((e) => e.problems.length > 0));
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
