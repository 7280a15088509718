/**
 * Two versions of this library side by side on the cold 10,000-feature load: bench/measure/heap.ts
 * in fresh processes, alternating between the two, so that the machine's drift (other work, heat)
 * falls on both alike; then the bytes each step allocates (bench/measure/allocation.ts), once each.
 * A load time moves by ±10 ms from one process to the next on the 2-core machine, so a change of a
 * few ms shows only in the medians of many pairs, and in the allocation counts, which do not vary.
 *
 *   node -r ts-node/register/transpile-only bench/measure/ab.ts <rev-a> <rev-b> [pairs]
 *
 * A side is a git revision, checked out into a temporary worktree (removed at the end) that uses
 * this checkout's node_modules and bench/node_modules, or `.` for this checkout as it is,
 * uncommitted changes included. A revision older than allocation.ts is measured with this
 * checkout's copy of it. Prints one line per side, then the result as JSON.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, jsonOf, median, runNode } from "./child";
import type { HeapResult } from "./heap";
import type { AllocationResult } from "./allocation";

const TS_NODE = ["-r", "ts-node/register/transpile-only"];

interface Side {
  readonly label: string;
  readonly dir: string;
  readonly loadMs: number[];
  readonly heapMiB: number[];
  allocation?: AllocationResult["steps"];
}

function git(args: readonly string[]): string {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout.trim();
}

/** A worktree of `rev` under `parent`, with this checkout's installed packages, or this checkout itself for `.`. */
function checkout(rev: string, parent: string): string {
  if (rev === ".") return ROOT;
  const commit = git(["rev-parse", "--verify", `${rev}^{commit}`]);
  const dir = join(parent, commit.slice(0, 12));
  if (existsSync(dir)) return dir;
  git(["worktree", "add", "--detach", dir, commit]);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(ROOT, "bench", "node_modules"), join(dir, "bench", "node_modules"));
  const allocation = join(dir, "bench", "measure", "allocation.ts");
  if (!existsSync(allocation)) copyFileSync(join(__dirname, "allocation.ts"), allocation);
  return dir;
}

function loadOnce(side: Side): void {
  const run = runNode(join(side.dir, "bench", "measure", "heap.ts"), ["offline-features"], side.dir, ["--expose-gc", ...TS_NODE]);
  const result = jsonOf<HeapResult>(run, `heap.ts in ${side.label}`);
  side.loadMs.push(result.loadMs);
  side.heapMiB.push(result.heapMiB);
}

function allocationOf(side: Side): AllocationResult["steps"] {
  const run = runNode(join(side.dir, "bench", "measure", "allocation.ts"), ["--allocation-child", "10000"], side.dir, ["--expose-gc", "--max-semi-space-size=512", ...TS_NODE]);
  return jsonOf<AllocationResult>(run, `allocation.ts in ${side.label}`).steps;
}

function main(revs: readonly [string, string], pairs: number): void {
  if (!existsSync(join(ROOT, "bench", "node_modules"))) throw new Error("install the bench's packages first: npm ci --prefix bench");
  const parent = mkdtempSync(join(tmpdir(), "offline-features-ab-"));
  const worktrees: string[] = [];
  try {
    const sides: Side[] = revs.map((rev) => {
      const dir = checkout(rev, parent);
      if (dir !== ROOT) worktrees.push(dir);
      return { label: rev, dir, loadMs: [], heapMiB: [] };
    });
    for (let i = 0; i < pairs; i++) for (const side of i % 2 === 0 ? sides : [...sides].reverse()) loadOnce(side);
    for (const side of sides) side.allocation = allocationOf(side);
    for (const side of sides) {
      const loads = [...side.loadMs].sort((a, b) => a - b).map((ms) => ms.toFixed(0));
      const bytes = Object.entries(side.allocation ?? {}).map(([step, b]) => `${step} ${b.allocated}/${b.retained}`).join(", ");
      console.error(`${side.label}: load median ${median(side.loadMs).toFixed(1)} ms [${loads.join(", ")}], heap median ${median(side.heapMiB).toFixed(2)} MiB; bytes per feature allocated/kept: ${bytes}`);
    }
    process.stdout.write(`${JSON.stringify(sides.map(({ label, loadMs, heapMiB, allocation }) => ({ label, loadMs, heapMiB, allocation })))}\n`);
  } finally {
    for (const dir of worktrees) git(["worktree", "remove", "--force", dir]);
    rmSync(parent, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [a, b, pairs] = process.argv.slice(2);
  if (a === undefined || b === undefined) {
    console.error("usage: bench/measure/ab.ts <rev-a> <rev-b> [pairs]   (a rev, or . for this checkout as it is)");
    process.exit(2);
  }
  main([a, b], pairs === undefined ? 9 : Number(pairs));
}
