/** bench/RESULTS.md from what bench/run.ts collected: tables, ratios, targets, machine and versions. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import type { BundleResult } from "./measure/bundle";
import { median, ROOT } from "./measure/child";
import type { GenResult, Timed } from "./measure/gen";
import type { HeapResult } from "./measure/heap";
import type { PhasesResult } from "./measure/phases";
import { PEERS } from "./evaluators/peers";
import { peerInstalled, peerVersion } from "./evaluators/peers/require-peer";
import type { RuleName, SuiteResult, Timing } from "./suite";

export interface Collected {
  readonly quick: boolean;
  readonly suites: readonly SuiteResult[];
  readonly heaps: readonly HeapResult[];
  /** This library's 10,000-feature load as installed: plain node, the packed runtime (bench/measure/installed-load.js); not with --quick. */
  readonly installedLoad?: HeapResult | undefined;
  readonly phases: PhasesResult;
  readonly bundle: BundleResult;
  readonly bundleModules: BundleResult;
  /** Resolved as from the installed package (its module condition): what an app bundling it gets. */
  readonly bundlePackage: BundleResult;
  /** gen as a user runs it (the packed package installed) and from this checkout's sources; empty with --quick. */
  readonly gens: readonly GenResult[];
  readonly cli: readonly Timed[];
  readonly seconds: number;
}

const LIBRARY = "offline-features";
const FLOOR = "hand-written floor";

/**
 * Which gen a row is: "as installed" is what a user's project runs (the packed package, its
 * compiled CLI, the DSL's declaration files); "from this checkout" type-checks the features
 * against the DSL's and runtime's TypeScript sources and runs the CLI through ts-node.
 */
function genSetupName(gen: GenResult): string {
  return gen.setup === "installed" ? "as installed" : "from this checkout";
}

/** A cell: the median over processes of each process's median, and its spread in percent. */
interface Cell {
  readonly value: number;
  readonly spreadPct: number;
}

type Measure = RuleName | "R4" | "R4-first";

function cellOf(timings: readonly Timing[], singleFirst?: readonly number[]): Cell | undefined {
  if (singleFirst !== undefined) {
    if (singleFirst.length === 0) return undefined;
    const m = median(singleFirst);
    return { value: m, spreadPct: (100 * Math.max(...singleFirst.map((v) => Math.abs(v - m)))) / m };
  }
  if (timings.length === 0) return undefined;
  const medians = timings.map((t) => t.p50);
  const m = median(medians);
  // One process: the spread of its samples (half the interquartile range); several: how far the processes' medians stray.
  const spread = timings.length === 1 ? (timings[0]!.p75 - timings[0]!.p25) / 2 : Math.max(...medians.map((v) => Math.abs(v - m)));
  return { value: m, spreadPct: (100 * spread) / m };
}

function cells(suites: readonly SuiteResult[], name: string, measure: Measure): Cell | undefined {
  const results = suites.flatMap((s) => s.evaluators.filter((e) => e.name === name && e.problems.length === 0));
  if (measure === "R4") return cellOf(results.flatMap((r) => (r.r4 === undefined ? [] : [r.r4])));
  if (measure === "R4-first") return cellOf([], results.flatMap((r) => (r.r4First === undefined ? [] : [r.r4First])));
  return cellOf(results.flatMap((r) => (r.timings[measure] === undefined ? [] : [r.timings[measure]!])));
}

function ns(v: number): string {
  if (v < 10) return `${v.toFixed(1)} ns`;
  return `${Math.round(v).toLocaleString("en-US")} ns`;
}
function ms(v: number): string {
  return v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v).toLocaleString("en-US")} ms`;
}
function fmt(c: Cell | undefined, unit: "ns" | "ms"): string {
  if (c === undefined) return "–";
  return `${unit === "ns" ? ns(c.value) : ms(c.value)} ±${Math.round(c.spreadPct)}%`;
}
function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}
function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
function seconds(t: Timed): string {
  return `${(t.wallMs / 1000).toFixed(2)} s (CPU ${(t.cpuMs / 1000).toFixed(2)} s)`;
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export function formatResults(c: Collected): string {
  const names = c.suites[0]?.evaluators.map((e) => e.name) ?? [];
  const ordered = [LIBRARY, FLOOR, ...names.filter((n) => n !== LIBRARY && n !== FLOOR)];
  const peers = ordered.filter((n) => n !== LIBRARY && n !== FLOOR);
  const out: string[] = [];
  const date = new Date().toISOString();
  out.push(`# Benchmark results${c.quick ? " (--quick: one process, short samples; not for comparison)" : ""}`);
  out.push("");
  out.push(`Written by \`npm run bench${c.quick ? " -- --quick" : ""}\` (bench/run.ts) on ${date.slice(0, 10)} at ${date.slice(11, 16)} UTC, in ${Math.round(c.seconds)} s.`);
  out.push(`Rules, inputs and the reference: bench/cases.ts; every evaluator was checked on every input before timing (bench/correctness.ts).`);
  out.push(`Each cell: the median of ${c.suites.length} fresh process${c.suites.length === 1 ? "" : "es"} (evaluator order rotated per process) of mitata's per-sample median; ± is ${c.suites.length === 1 ? "half the interquartile range of the samples" : "the largest deviation of a process's median from it"}.`);
  out.push("");
  out.push("## Per evaluation and R4");
  out.push("");
  out.push("| evaluator | R1 seed rule | R1-ambient | R2 context rule | R3 10% rollout | R5 generated getter | R4 load 1,000 + evaluate each | R4 first in process |");
  out.push("|---|---|---|---|---|---|---|---|");
  for (const name of ordered) {
    const row = [fmt(cells(c.suites, name, "R1"), "ns"), fmt(cells(c.suites, name, "R1-ambient"), "ns"), fmt(cells(c.suites, name, "R2"), "ns"), fmt(cells(c.suites, name, "R3"), "ns"), fmt(cells(c.suites, name, "R5"), "ns"), fmt(cells(c.suites, name, "R4"), "ms"), fmt(cells(c.suites, name, "R4-first"), "ms")];
    out.push(`| ${name === LIBRARY ? `**${name}**` : name} | ${row.join(" | ")} |`);
  }
  out.push("");
  out.push("Peers answer R1-ambient from the equivalent constant context; this library may memoize it. LaunchDarkly's `variation` is asynchronous: each of its evaluations is awaited.");
  const failed = c.suites.flatMap((s) => s.evaluators.filter((e) => e.problems.length > 0).map((e) => `- ${e.name}: ${e.problems.join("; ")}`));
  if (failed.length > 0) {
    out.push("");
    out.push("**Failed the correctness check (not timed):**");
    out.push(...[...new Set(failed)]);
  }

  // Ratios and targets.
  const lib = (m: Measure) => cells(c.suites, LIBRARY, m)?.value;
  const flo = (m: Measure) => cells(c.suites, FLOOR, m)?.value;
  const bestPeer = (m: Measure): [string, number] | undefined => {
    let best: [string, number] | undefined;
    for (const p of peers) {
      const v = cells(c.suites, p, m)?.value;
      if (v !== undefined && (best === undefined || v < best[1])) best = [p, v];
    }
    return best;
  };
  const heapOf = (name: string) => c.heaps.find((h) => h.name === name);
  // A failed heap.ts process is a NaN row: "not measured" here, "failed" in the table below.
  const measuredHeap = heapOf(LIBRARY);
  const libHeap = measuredHeap === undefined || Number.isNaN(measuredHeap.loadMs) ? undefined : measuredHeap;
  const targets: [string, string, string, boolean | undefined][] = [];
  const vsFloor = (m: Measure, limit: number, label: string) => {
    const l = lib(m);
    const f = flo(m);
    if (l === undefined || f === undefined) targets.push([label, `≤ ${limit}× the floor`, "not measured", undefined]);
    else targets.push([label, `≤ ${limit}× the floor`, `${ratio(l, f)} (${ns(l)} vs ${ns(f)})`, l / f <= limit]);
  };
  vsFloor("R1", 1.5, "R1");
  vsFloor("R2", 1.5, "R2");
  vsFloor("R3", 2, "R3");
  const amb = lib("R1-ambient");
  targets.push(["R1-ambient", "≤ 3 ns", amb === undefined ? "not measured" : ns(amb), amb === undefined ? undefined : amb <= 3]);
  const r5 = lib("R5");
  const r1 = lib("R1");
  targets.push(["R5", "≤ 1.1× R1", r5 === undefined || r1 === undefined ? "not measured" : `${ratio(r5, r1)} (${ns(r5)} vs ${ns(r1)})`, r5 === undefined || r1 === undefined ? undefined : r5 / r1 <= 1.1]);
  const r4 = lib("R4");
  const r4f = flo("R4");
  const r4best = bestPeer("R4");
  targets.push([
    "R4",
    "≤ 2× the floor and faster than every peer",
    r4 === undefined || r4f === undefined ? "not measured" : `${ratio(r4, r4f)} the floor (${ms(r4)} vs ${ms(r4f)}); best peer ${r4best === undefined ? "–" : `${r4best[0]} ${ms(r4best[1])}`}`,
    r4 === undefined || r4f === undefined ? undefined : r4 / r4f <= 2 && (r4best === undefined || r4 < r4best[1]),
  ]);
  // As installed (plain node, the packed runtime; full runs only): shown beside the ts-node figure, and counted.
  const installed = c.installedLoad;
  const installedFailed = installed !== undefined && Number.isNaN(installed.loadMs);
  const asInstalled = (figure: string) => (installed === undefined ? "" : `; as installed (plain node, the packed runtime): ${installedFailed ? "failed (see the run's log)" : figure}`);
  const mb = (mib: number) => `${(mib * 1.048576).toFixed(1)} MB`;
  const loadMet = (h: HeapResult) => h.loadMs <= 100;
  const heapMet = (h: HeapResult) => h.heapMiB * 1.048576 <= 30;
  const metToo = (met: (h: HeapResult) => boolean) => (installed === undefined ? true : installedFailed ? undefined : met(installed));
  const both = (lib: boolean, other: boolean | undefined) => (other === undefined ? undefined : lib && other);
  targets.push(["10,000 features: load", "≤ 100 ms", libHeap === undefined ? "not measured" : `${ms(libHeap.loadMs)}${asInstalled(installed === undefined ? "" : ms(installed.loadMs))}`, libHeap === undefined ? undefined : both(loadMet(libHeap), metToo(loadMet))]);
  targets.push(["10,000 features: heap", "≤ 30 MB", libHeap === undefined ? "not measured" : `${mb(libHeap.heapMiB)}${asInstalled(installed === undefined ? "" : mb(installed.heapMiB))}`, libHeap === undefined ? undefined : both(heapMet(libHeap), metToo(heapMet))]);
  targets.push([
    "app bundle (min + gzip)",
    "≤ 12 KB",
    `${kb(c.bundlePackage.gzippedBytes)} as from the installed package (the sources with Node entry points: ${kb(c.bundle.gzippedBytes)}; ES module entry points: ${kb(c.bundleModules.gzippedBytes)})`,
    c.bundlePackage.gzippedBytes <= 12_000,
  ]);
  for (const gen of c.gens) {
    const as = genSetupName(gen);
    targets.push([`gen 1,000: cold, ${as}`, "≤ 8 s", `${seconds(gen.cold)}, the median of ${gen.coldRuns.length} fresh projects`, gen.cold.wallMs <= 8000]);
    targets.push([`gen 1,000: unchanged, ${as}`, "≤ 0.5 s", seconds(gen.unchanged), gen.unchanged.wallMs <= 500]);
    targets.push([`gen 1,000: one edit in --watch, ${as}`, "≤ 1 s", `${(gen.watchEdit.wallMs / 1000).toFixed(2)} s (its summary: ${gen.watchEdit.reportedMs} ms)`, gen.watchEdit.wallMs <= 1000]);
  }
  if (c.gens.length === 0) targets.push(["gen 1,000", "cold ≤ 8 s, unchanged ≤ 0.5 s, watch edit ≤ 1 s", "not run with --quick", undefined]);
  out.push("");
  out.push("## This library against the targets (issue 10)");
  out.push("");
  out.push("| measure | target | measured | met |");
  out.push("|---|---|---|---|");
  for (const [label, target, measured, met] of targets) out.push(`| ${label} | ${target} | ${measured} | ${met === undefined ? "–" : met ? "yes" : "**no**"} |`);

  out.push("");
  out.push("## Ratios: this library to the floor and to the best peer");
  out.push("");
  out.push("| measure | this library | floor | × floor | best peer | × best peer |");
  out.push("|---|---|---|---|---|---|");
  for (const m of ["R1", "R1-ambient", "R2", "R3", "R4", "R4-first"] as const) {
    const l = lib(m);
    const f = flo(m);
    const b = bestPeer(m);
    const unit = m.startsWith("R4") ? ms : ns;
    out.push(`| ${m} | ${l === undefined ? "–" : unit(l)} | ${f === undefined ? "–" : unit(f)} | ${l === undefined || f === undefined ? "–" : ratio(l, f)} | ${b === undefined ? "–" : `${b[0]} ${unit(b[1])}`} | ${l === undefined || b === undefined ? "–" : ratio(l, b[1])} |`);
  }

  out.push("");
  out.push(`## 10,000 features: load (parse, load, evaluate each once) and live heap after a full GC${c.quick ? "" : ", the median of 3 fresh processes"}`);
  out.push("");
  out.push("| evaluator | load | heap |");
  out.push("|---|---|---|");
  for (const h of c.installedLoad === undefined ? c.heaps : [...c.heaps, c.installedLoad]) {
    const spread = h.loadSamplesMs === undefined || h.loadSamplesMs.length < 2 ? "" : ` (${h.loadSamplesMs.map((s) => ms(s)).join(", ")})`;
    out.push(Number.isNaN(h.loadMs) ? `| ${h.name} | failed (see the run's log) | – |` : `| ${h.name} | ${ms(h.loadMs)}${spread} | ${(h.heapMiB * 1.048576).toFixed(1)} MB |`);
  }
  if (c.installedLoad !== undefined) {
    out.push("");
    out.push("The other rows run in the benchmark's ts-node processes (bench/measure/heap.ts); \"as installed\" is plain `node` loading the packed package's compiled runtime in a fresh process (bench/measure/installed-load.js).");
  }

  out.push("");
  out.push("## Where this library's cold load of 1,000 features goes (bench/measure/phases.ts, median of 9 rounds in one process)");
  out.push("");
  out.push("| phase | ms |");
  out.push("|---|---|");
  for (const [phase, v] of Object.entries(c.phases.phases)) out.push(`| ${phase} | ${ms(v)} |`);
  out.push("");
  out.push("The phases re-do fromBundle's steps one by one through the same functions; a store's feature compiles on its first evaluation, so \"compile each feature\" is part of \"evaluate each once\".");
  out.push("");
  out.push("## App bundle: bench/generated's getters with the runtime (esbuild, minified, gzip -9)");
  out.push("");
  const resolutions: Record<BundleResult["resolution"], string> = {
    package: "as from the installed package (its module export condition: the runtime as ES modules, io-ts and fp-ts through their ES module builds, whatever the app's mainFields)",
    main: "the sources with packages' Node entry points (esbuild's default for platform node)",
    module: "the sources with packages' ES module entry points (mainFields module, main)",
  };
  for (const b of [c.bundlePackage, c.bundle, c.bundleModules]) {
    const how = resolutions[b.resolution];
    out.push(`- ${how}: ${kb(b.gzippedBytes)} gzipped, ${kb(b.minifiedBytes)} minified; minified by origin: ${Object.entries(b.byOrigin).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${kb(v)}`).join(", ")}.`);
  }
  out.push(`- largest runtime files (as from the installed package, minified): ${c.bundlePackage.largestRuntimeFiles.map(([file, bytes]) => `${file} ${kb(bytes)}`).join(", ")}.`);
  out.push("");
  out.push("## gen and CLI (wall time; the child's own CPU time in brackets)");
  out.push("");
  for (const gen of c.gens) {
    out.push(`- gen on ${gen.count.toLocaleString("en-US")} features (bench/gen/run.ts's project), ${genSetupName(gen)}: cold ${seconds(gen.cold)}, the median of ${gen.coldRuns.map((r) => seconds(r)).join(", ")} (in run order, each in a fresh project); unchanged re-run ${seconds(gen.unchanged)}; one edit in \`--watch\` ${(gen.watchEdit.wallMs / 1000).toFixed(2)} s (the watcher's summary says ${gen.watchEdit.reportedMs} ms).`);
  }
  if (c.gens.length === 0) out.push("- gen: not run with --quick.");
  const cliWall = median(c.cli.map((t) => t.wallMs));
  const cliCpu = median(c.cli.map((t) => t.cpuMs));
  out.push(`- CLI start (\`offline-features --help\`, median of ${c.cli.length}): ${(cliWall / 1000).toFixed(2)} s (CPU ${(cliCpu / 1000).toFixed(2)} s).`);

  out.push("");
  out.push("## Machine and versions");
  out.push("");
  const cpu = cpus();
  out.push(`- ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(", ")} (other work on the machine slows every evaluator; compare ratios within one run).`);
  out.push(`- Node ${process.version}; offline-features ${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version} at commit ${sh("git", ["rev-parse", "--short", "HEAD"])}.`);
  const versions = [...PEERS.filter((p) => p.packageName !== undefined && peerInstalled(p.packageName)).map((p) => `${p.packageName} ${peerVersion(p.packageName!)}`), ...["mitata", "esbuild"].filter(peerInstalled).map((n) => `${n} ${peerVersion(n)}`)];
  out.push(`- ${versions.join(", ")}.`);
  out.push("");
  return out.join("\n");
}
