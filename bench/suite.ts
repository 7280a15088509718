/**
 * One timing process (bench/run.ts starts three, fresh, and takes the median): sets every
 * evaluator up, checks it against the reference (correctness.ts), then times each rule with
 * mitata, evaluators in an order rotated by `--rotate N` so none always runs first.
 *
 *   npx ts-node --transpile-only bench/suite.ts [--rotate N] [--quick] [--only a,b] [--mark-phases]
 *
 * Prints one JSON line (SuiteResult) on stdout. An evaluator that fails its check is reported and
 * never timed.
 */
import { performance } from "node:perf_hooks";
import { R4_CONTEXT, r1Inputs, r2Inputs, r3Inputs, r4Specs } from "./cases";
import { R4_COUNT, checkRules } from "./correctness";
import { allEvaluators, type Evaluator, type Rules } from "./evaluators";
import { requirePeer } from "./evaluators/peers/require-peer";

interface MitataStats {
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly samples: readonly number[];
}
/** mitata is bench/package.json's dependency, loaded at run time like the peers. */
const { measure } = requirePeer<{ measure(fn: () => unknown, options: object): Promise<MitataStats> }>("mitata");

/** Nanoseconds per evaluation (or milliseconds for R4): the median and the quartiles of the samples. */
export interface Timing {
  readonly p50: number;
  readonly p25: number;
  readonly p75: number;
  readonly samples: number;
}

export const RULES = ["R1", "R1-ambient", "R2", "R3", "R5"] as const;
export type RuleName = (typeof RULES)[number];

export interface EvaluatorResult {
  readonly name: string;
  readonly problems: readonly string[];
  /** Per evaluation, in ns. */
  readonly timings: Partial<Record<RuleName, Timing>>;
  /** R4: load 1,000 features from one JSON text and evaluate each once, in ms. */
  readonly r4?: Timing;
  /** R4 the first time in this process (during the check, before any timing), in ms. */
  readonly r4First?: number;
}

export interface SuiteResult {
  readonly order: readonly string[];
  readonly evaluators: readonly EvaluatorResult[];
}

/** Inputs per timed call: small enough that a slow peer still gives many samples, large enough to dwarf the loop. */
const CHUNK = 500;

/**
 * A loop over the next CHUNK inputs (the offset advances each call, so the samples cover all
 * 10,000), compiled separately for each evaluator and rule. One shared loop function would share
 * its call site's type feedback across all evaluators (V8 keeps feedback per function literal),
 * making `evaluate(...)` megamorphic and slowing the fastest evaluators most. This is harness
 * code, never the library's: the library itself compiles to closures.
 */
function loopOver(inputs: readonly unknown[], evaluate: (x: never) => unknown, async: boolean): () => unknown {
  const head = "let at = 0; const n = inputs.length; return ";
  const body = async
    ? "async function loop() { let k = 0; for (let i = 0; i < CHUNK; i++) { if ((await evaluate(inputs[at])) === '') k++; if (++at === n) at = 0; } return k; };"
    : "function loop() { let k = 0; for (let i = 0; i < CHUNK; i++) { if (evaluate(inputs[at]) === '') k++; if (++at === n) at = 0; } return k; };";
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function("inputs", "evaluate", "CHUNK", head + body)(inputs, evaluate, CHUNK) as () => unknown;
}

/** The same for R1-ambient: CHUNK calls of a function without arguments. */
function loopTimes(evaluate: () => unknown, async: boolean): () => unknown {
  const body = async
    ? "return async function loop() { let k = 0; for (let i = 0; i < CHUNK; i++) if ((await evaluate()) === '') k++; return k; };"
    : "return function loop() { let k = 0; for (let i = 0; i < CHUNK; i++) if (evaluate() === '') k++; return k; };";
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function("evaluate", "CHUNK", body)(evaluate, CHUNK) as () => unknown;
}

async function timeLoop(loop: () => unknown, perLoop: number, minCpuMs: number): Promise<Timing> {
  const stats = await measure(loop, { min_cpu_time: minCpuMs * 1e6, min_samples: 8 });
  return { p50: stats.p50 / perLoop, p25: stats.p25 / perLoop, p75: stats.p75 / perLoop, samples: stats.samples.length };
}

function quartiles(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]!;
  return { p50: at(0.5), p25: at(0.25), p75: at(0.75), samples: sorted.length };
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

async function timeR4(rules: Rules, repeats: number): Promise<Timing> {
  const specs = r4Specs(R4_COUNT);
  const text = rules.r4Source(specs);
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    gc?.();
    const start = performance.now();
    const answers = await rules.r4Load(text, specs, R4_CONTEXT);
    ms.push(performance.now() - start);
    if (answers.length !== specs.length) throw new Error("R4: an answer per feature expected");
    await rules.r4Release?.();
  }
  return quartiles(ms);
}

/**
 * One process of the benchmark: every evaluator checked, then timed, in an order rotated by
 * `rotate`. `only` keeps the evaluators of those names (bench/measure/sequence.ts).
 */
/** The line `--mark-phases` prints to stdout when the checks are done and the timing starts. */
export const TIMING_MARK = "bench-phase: timing";

export async function runSuite(rotate: number, quick: boolean, only?: readonly string[], markPhases = false): Promise<SuiteResult> {
  const all = allEvaluators().filter((e) => only === undefined || only.includes(e.name));
  const shift = ((rotate % all.length) + all.length) % all.length;
  const order: Evaluator[] = [...all.slice(shift), ...all.slice(0, shift)];
  const minCpuMs = quick ? 25 : 300;
  const set: { evaluator: Evaluator; rules: Rules; result: EvaluatorResult }[] = [];

  // Correctness first, for everyone; R4's first load in this process is timed inside the check.
  for (const evaluator of order) {
    const rules = await evaluator.setup();
    const { problems, r4FirstMs } = await checkRules(evaluator.name, rules);
    set.push({ evaluator, rules, result: { name: evaluator.name, problems, timings: {}, r4First: r4FirstMs } });
  }

  // For bench/measure/deopts.ts: what V8 traces after this line happened while timing.
  if (markPhases) process.stdout.write(`${TIMING_MARK}\n`);
  const results: EvaluatorResult[] = [];
  for (const { evaluator, rules, result } of set) {
    if (result.problems.length > 0) {
      results.push({ name: result.name, problems: result.problems, timings: {} });
      continue;
    }
    const async = evaluator.async === true;
    const timings: Partial<Record<RuleName, Timing>> = {};
    timings.R1 = await timeLoop(loopOver(r1Inputs, rules.r1, async), CHUNK, minCpuMs);
    timings["R1-ambient"] = await timeLoop(loopTimes(rules.ambient, async), CHUNK, minCpuMs);
    timings.R2 = await timeLoop(loopOver(r2Inputs, rules.r2, async), CHUNK, minCpuMs);
    timings.R3 = await timeLoop(loopOver(r3Inputs, rules.r3, async), CHUNK, minCpuMs);
    if (rules.r5 !== undefined) timings.R5 = await timeLoop(loopOver(r1Inputs, rules.r5, false), CHUNK, minCpuMs);
    const r4 = await timeR4(rules, quick ? 2 : 9);
    results.push({ ...result, timings, r4 });
    await rules.close?.();
  }
  return { order: order.map((e) => e.name), evaluators: results };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--rotate");
  const rotate = at === -1 ? 0 : Number(argv[at + 1]);
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt === -1 ? undefined : argv[onlyAt + 1]!.split(",");
  runSuite(rotate, argv.includes("--quick"), only, argv.includes("--mark-phases")).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      // Peers may leave timers (LaunchDarkly, Unleash); the result is out, so end here.
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
