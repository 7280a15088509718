/**
 * What this library allocates per feature: bytes allocated and bytes left alive, per R2-shaped
 * feature, by each step of loading a bundle of `count` features. Bytes are counted, not timed, so
 * two commits can be compared in one run each, where load times need many alternating processes
 * to rise above the machine's noise (bench/measure/ab.ts). Allocation is what the load's garbage
 * collections cost (about 30 of the 140 ms of a cold 10,000-feature load, 2026-12-04: compare
 * `heap.ts` under `--max-semi-space-size=64`), and what is left alive is the heap measure.
 *
 *   node -r ts-node/register/transpile-only bench/measure/allocation.ts [count] [r4|numeric]
 *
 * `r4` (the default) loads R4's R2-shaped features; `numeric` loads features of two orderings over
 * context numbers (`age >= k and score < b`), which R1 to R4 do not have.
 *
 * The process runs itself again with `--expose-gc` and a 512 MB young generation, so that no
 * collection runs inside a step: `heapUsed` after a step less before is what it allocated; after a
 * full collection, what it kept. Each step runs three times first, so that its code is optimized,
 * as it is for most of a large bundle's features.
 */
import { R4_CONTEXT, r4Specs } from "../cases";
import { bundleText, library, load } from "../evaluators/library";
import { OfflineFeature } from "../../runtime";
import { compileFeature } from "../../runtime/compile/feature";
import { jsonOf, runTs } from "./child";

/** Bytes per feature one step allocated, and kept alive after a full collection. */
export interface StepBytes {
  readonly allocated: number;
  readonly retained: number;
}

export interface AllocationResult {
  readonly count: number;
  /** Per step, in load order: JSON.parse of the bundle text; FeatureStore.fromBundle (parse included); compiling each feature; evaluating each once through a loaded store (which compiles it). */
  readonly steps: Readonly<Record<"JSON.parse" | "fromBundle" | "compile each" | "evaluate each once", StepBytes>>;
}

const CHILD_FLAG = "--allocation-child";
const WARM_ROUNDS = 3;

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error("run through bench/measure/allocation.ts, which adds --expose-gc");
  collect();
  collect();
}

/** Runs `step` once measured (after warm-up rounds) and keeps its result alive until the retained bytes are read. */
function measure(count: number, step: () => unknown): StepBytes {
  for (let i = 0; i < WARM_ROUNDS; i++) step();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = step();
  const after = process.memoryUsage().heapUsed;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  if (kept === undefined) throw new Error("a step must return what it built");
  return { allocated: Math.round((after - before) / count), retained: Math.round(retained / count) };
}

/** The features a run loads (see the header). */
export type AllocationShape = "r4" | "numeric";

/** `count` features of two orderings over context numbers, keyed as R4's, in one bundle text. */
function numericSource(specs: readonly { readonly key: string }[]): string {
  const at = (name: string) => ({ __type: "context.number", name }) as const;
  const models = specs.map((s, i) => {
    const rule = { __type: "bool.all", value: [{ __type: "comparison.gte", attribute: at("age"), value: i % 50 }, { __type: "comparison.lt", attribute: at("score"), value: (i % 10) / 10 }] };
    return [s.key, OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "on", classifier: rule, value: true }], default: false })).model] as const;
  });
  return bundleText(Object.fromEntries(models));
}

/** The context `numeric` features are evaluated with: some match, some do not. */
const NUMERIC_CONTEXT = { age: 30, score: 0.35 };

async function child(count: number, shape: AllocationShape): Promise<AllocationResult> {
  const rules = await library.setup();
  const specs = r4Specs(count);
  const text = shape === "numeric" ? numericSource(specs) : rules.r4Source(specs);
  const context = shape === "numeric" ? NUMERIC_CONTEXT : R4_CONTEXT;
  const models = (() => {
    const store = load(text);
    return specs.map((s) => store.resolve(s.key)!.model);
  })();
  return {
    count,
    steps: {
      "JSON.parse": measure(count, () => JSON.parse(text) as unknown),
      fromBundle: measure(count, () => load(text)),
      "compile each": measure(count, () => models.map((model, i) => compileFeature(model, { featureKey: specs[i]!.key }))),
      "evaluate each once": measure(count, () => {
        const store = load(text);
        for (const spec of specs) store.resolve(spec.key)!.evaluate(context);
        return store;
      }),
    },
  };
}

/** Measures in a fresh process with the flags the counts need. */
export function measureAllocation(count = 10_000, shape: AllocationShape = "r4"): AllocationResult {
  return jsonOf<AllocationResult>(runTs(__filename, [CHILD_FLAG, String(count), shape], ["--expose-gc", "--max-semi-space-size=512"]), "allocation.ts");
}

function shapeOf(arg: string | undefined): AllocationShape {
  if (arg === undefined || arg === "r4" || arg === "numeric") return arg ?? "r4";
  throw new Error(`unknown shape ${JSON.stringify(arg)}: r4 or numeric`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    child(Number(args[1]), shapeOf(args[2])).then(
      (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else {
    const result = measureAllocation(args[0] === undefined ? undefined : Number(args[0]), shapeOf(args[1]));
    for (const [step, bytes] of Object.entries(result.steps)) console.error(`${step.padEnd(20)} allocated ${String(bytes.allocated).padStart(6)} B/feature, kept ${String(bytes.retained).padStart(6)} B/feature`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
