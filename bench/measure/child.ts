import { spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

export const ROOT = resolve(__dirname, "..", "..");
const CPU_PRELOAD = join(__dirname, "cpu-on-exit.js");

/** A finished child: its wall time, its own CPU time (user + system), and its output. */
export interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cpuOf(stderr: string): number {
  const m = /bench-cpu-ms ([\d.]+)/.exec(stderr);
  return m === null ? Number.NaN : Number(m[1]);
}

/** Runs `node [nodeArgs] script args` to the end, measuring wall and CPU time. */
export function runNode(script: string, args: readonly string[], cwd: string, nodeArgs: readonly string[] = []): Run {
  const start = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, "-r", CPU_PRELOAD, script, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  return { wallMs, cpuMs: cpuOf(r.stderr), status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronously (so a parent can watch a long-running child's output). */
export function startNode(script: string, args: readonly string[], cwd: string) {
  return spawn(process.execPath, ["-r", CPU_PRELOAD, script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
}

/** A TypeScript file of the bench run in a fresh Node process (ts-node, transpile only). */
export function runTs(file: string, args: readonly string[], nodeArgs: readonly string[] = []): Run {
  return runNode(file, args, ROOT, [...nodeArgs, "-r", "ts-node/register/transpile-only"]);
}

/** The last line of a child's stdout, parsed as JSON; throws with its stderr when it failed. */
export function jsonOf<T>(run: Run, what: string): T {
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || last === "") throw new Error(`${what} failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(last) as T;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
