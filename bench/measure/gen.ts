/**
 * `offline-features gen` on a project of N features (bench/gen/run.ts builds it), through the CLI
 * as a user runs it: cold (no cache; median of 3 fresh projects), unchanged re-run (manifest cache;
 * median of 3), one edit under
 * `--watch` (from the file write to the watcher's summary line). Each figure is wall time and the
 * child's own CPU time (a shared machine waits for a core; CPU time does not). Either from this
 * checkout's sources or from the packed package as a user installs it (bench/gen/run.ts).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { makeProject, type GenSetup } from "../gen/run";
import { ROOT, median, runNode, startNode } from "./child";

export interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface GenResult {
  readonly count: number;
  /** Whose DSL and CLI: this checkout's sources, or the packed package as a user installs it (bench/gen/run.ts). */
  readonly setup: GenSetup["kind"];
  /** The median (by wall time) of {@link coldRuns}. */
  readonly cold: Timed;
  /**
   * Cold runs, each in a project of its own made just before it (a new folder, so no cache of any
   * kind, the transpile cache included, whose keys hold the file's path, can answer). One sample
   * was the figure until 2026-12-02; the same cold gen read 7.5 s and 11.7 s minutes apart on this
   * machine, and the first one after `npm pack` competes with the install's writes.
   */
  readonly coldRuns: readonly Timed[];
  /** The median (by wall time) of {@link unchangedRuns}. */
  readonly unchanged: Timed;
  /** Unchanged re-runs one after the other: a single one right after the cold run read 0.59 s where repeated ones read 0.40–0.42 s. */
  readonly unchangedRuns: readonly Timed[];
  /** Wall time from writing one feature file to the watcher's summary; and the watcher's own figure. */
  readonly watchEdit: { readonly wallMs: number; readonly reportedMs: number };
}

const CLI = join(ROOT, "bin", "offline-features.js");
/** Unchanged re-runs measured; the figure is their median (an odd count, so it is one of them). */
const UNCHANGED_RUNS = 3;
/** Cold runs measured, each in a fresh project; the figure is their median (an odd count, so it is one of them). */
const COLD_RUNS = 3;
const SUMMARY = /\d+ features?, \d+ written, \d+ unchanged.*in (\d+) ms/;

function gen(cli: string, args: string[], cwd: string): Timed {
  const r = runNode(cli, args, cwd);
  if (r.status !== 0) throw new Error(`gen failed: ${r.stderr}`);
  return { wallMs: r.wallMs, cpuMs: r.cpuMs };
}

/** Starts `gen --watch`, waits for its first run, edits one file, and times the regeneration. */
async function watchOneEdit(project: string, cli: string, args: string[]): Promise<{ wallMs: number; reportedMs: number }> {
  const child = startNode(cli, [...args, "--watch"], project);
  let buffered = "";
  let waiting: ((line: string) => void) | undefined;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (SUMMARY.test(line) && waiting !== undefined) waiting(line);
  });
  const nextSummary = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("gen --watch printed no summary in time")), timeoutMs);
      waiting = (line) => {
        clearTimeout(timer);
        waiting = undefined;
        resolve(line);
      };
    });
  try {
    await nextSummary(600_000);
    const file = join(project, "features", "feature_0001.ts");
    const source = readFileSync(file, "utf8");
    const next = nextSummary(600_000);
    const start = performance.now();
    writeFileSync(file, source.replace('"bonjour"', '"bonjour !"'));
    const line = await next;
    return { wallMs: performance.now() - start, reportedMs: Number(SUMMARY.exec(line)![1]) };
  } finally {
    // gen --watch finishes its deferred work (the cache manifest, the swapped-out folder) on
    // SIGTERM before it exits: wait for that, or removing the project races with it (ENOTEMPTY).
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref())]);
    }
  }
}

/** The run of `runs` whose wall time is their median. */
function middleRun(runs: readonly Timed[]): Timed {
  const middle = median(runs.map((r) => r.wallMs));
  return runs.find((r) => r.wallMs === middle)!;
}

/** A cold gen in a project made for it, removed afterwards. */
function coldGen(count: number, setup: GenSetup): Timed {
  const { project, cli, args } = makeProject(count, setup);
  try {
    return gen(cli, args, project);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

export async function measureGen(count: number, setup: GenSetup = { kind: "checkout" }): Promise<GenResult> {
  const earlierColdRuns = Array.from({ length: COLD_RUNS - 1 }, () => coldGen(count, setup));
  const { project, cli, args } = makeProject(count, setup);
  try {
    // The last cold run is this project's first: the unchanged re-runs and the watch edit follow it.
    const coldRuns = [...earlierColdRuns, gen(cli, args, project)];
    const cold = middleRun(coldRuns);
    const unchangedRuns = Array.from({ length: UNCHANGED_RUNS }, () => gen(cli, args, project));
    const unchanged = middleRun(unchangedRuns);
    const watchEdit = await watchOneEdit(project, cli, args);
    return { count, setup: setup.kind, cold, coldRuns, unchanged, unchangedRuns, watchEdit };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** CLI start: `offline-features --help`, median of `times` fresh processes. */
export function measureCliStart(times: number): Timed[] {
  return Array.from({ length: times }, () => {
    const r = runNode(CLI, ["--help"], ROOT);
    return { wallMs: r.wallMs, cpuMs: r.cpuMs };
  });
}

if (require.main === module) {
  measureGen(Number(process.argv[2] ?? 1000)).then((r) => console.log(JSON.stringify(r)), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
