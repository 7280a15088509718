/**
 * Heap after loading 10,000 R2-shaped features, in a fresh process per evaluator (run with
 * --expose-gc): `node --expose-gc -r ts-node/register/transpile-only bench/measure/heap.ts <evaluator>`.
 * The baseline is taken after the JSON text is built (the text stays alive throughout); the
 * figure is the live heap the loaded features add, after a full GC. The load time is R4's
 * operation at 10,000: parse, load, and one evaluation of each feature.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { R4_CONTEXT, r4Specs } from "../cases";
import { allEvaluators } from "../evaluators";
import { library } from "../evaluators/library";
import { ROOT, jsonOf, runNode } from "./child";

export const HEAP_COUNT = 10_000;

export interface HeapResult {
  readonly name: string;
  readonly loadMs: number;
  readonly heapMiB: number;
  /** In bench/run.ts's summary of several processes: each process's load, in run order (loadMs is their median). */
  readonly loadSamplesMs?: readonly number[];
}

async function main(name: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  const evaluator = allEvaluators().find((e) => e.name === name);
  if (evaluator === undefined) throw new Error(`no evaluator named ${name}`);
  const rules = await evaluator.setup();
  const specs = r4Specs(HEAP_COUNT);
  const text = rules.r4Source(specs);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const answers = await rules.r4Load(text, specs, R4_CONTEXT);
  const loadMs = performance.now() - start;
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (answers.length !== HEAP_COUNT || text.length === 0) throw new Error("an answer per feature expected");
  const result: HeapResult = { name, loadMs, heapMiB: (after - before) / 1024 / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

/**
 * The same load as an installed application runs it: the packed package's compiled runtime
 * (`packageDir`, bench/gen/run.ts's packInstalled), in a fresh plain `node` process
 * (./installed-load.js), with its dependencies from this checkout's node_modules (NODE_PATH: the
 * packed package has none of its own). The benchmark's own processes run ts-node, whose heap the
 * TypeScript compiler has grown before anything is timed; an application's process holds little
 * else when it loads its bundle.
 */
export async function measureInstalledLoad(packageDir: string): Promise<HeapResult> {
  const rules = await library.setup();
  const specs = r4Specs(HEAP_COUNT);
  const work = mkdtempSync(join(tmpdir(), "offline-features-load-"));
  try {
    const textFile = join(work, "bundle.json");
    const inputsFile = join(work, "inputs.json");
    writeFileSync(textFile, rules.r4Source(specs));
    writeFileSync(inputsFile, JSON.stringify({ keys: specs.map((s) => s.key), context: R4_CONTEXT }));
    const entry = join(packageDir, "dist", "runtime", "index.js");
    const previous = process.env.NODE_PATH;
    process.env.NODE_PATH = join(ROOT, "node_modules");
    try {
      return jsonOf<HeapResult>(runNode(join(__dirname, "installed-load.js"), [entry, textFile, inputsFile], work, ["--expose-gc"]), "installed-load.js");
    } finally {
      if (previous === undefined) delete process.env.NODE_PATH;
      else process.env.NODE_PATH = previous;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv[2] ?? "offline-features").catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
