/**
 * How much of this library's load is a cold process (issue 10's R4 and 10,000-feature load), in
 * two fresh processes per line:
 * - `load10k`: `FeatureStore.fromBundle` of 10,000 R2-shaped features, then one evaluation of
 *   each (which compiles it), each step's wall time and the garbage-collection pauses inside it
 *   (PerformanceObserver "gc" entries), and the same two steps again on a second store from the
 *   same text, now that the code is warm;
 * - `r4Rounds`: R4 (1,000 features, parse, load and evaluate each) repeated in the same process,
 *   round by round. The benchmark reports the median of 9 rounds (bench/suite.ts), which lands
 *   where the code is still warming up.
 *
 *   node -r ts-node/register/transpile-only bench/measure/warm-up.ts [processes]
 */
import { performance, PerformanceObserver } from "node:perf_hooks";
import { R4_CONTEXT, r4Specs } from "../cases";
import { library, load } from "../evaluators/library";
import { runTs, jsonOf } from "./child";

const CHILD_FLAG = "--warm-up-child";
const R4_ROUNDS = 15;

/** One step: its wall time and the collection pauses that started inside it, in ms. */
export interface StepTime {
  readonly ms: number;
  readonly gcMs: number;
}

export interface Load10kResult {
  readonly fromBundle: StepTime;
  readonly evaluateEach: StepTime;
  readonly warmFromBundle: StepTime;
  readonly warmEvaluateEach: StepTime;
}

/** Watches collection pauses from now on; `step` sums those that started inside a step. */
function pauseWatch() {
  const pauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    async stop(): Promise<void> {
      // Entries are delivered asynchronously: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
    },
    step: (from: number, to: number): StepTime => ({
      ms: round1(to - from),
      gcMs: round1(pauses.filter((p) => p.start >= from && p.start < to).reduce((sum, p) => sum + p.duration, 0)),
    }),
  };
}

async function load10k(): Promise<Load10kResult> {
  const watch = pauseWatch();
  const rules = await library.setup();
  const specs = r4Specs(10_000);
  const text = rules.r4Source(specs);
  const marks: number[] = [];
  const loadAndEvaluate = () => {
    marks.push(performance.now());
    const store = load(text);
    marks.push(performance.now());
    for (const spec of specs) store.resolve(spec.key)!.evaluate(R4_CONTEXT);
    marks.push(performance.now());
    return store;
  };
  const first = loadAndEvaluate();
  const second = loadAndEvaluate();
  await watch.stop();
  if (first === second) throw new Error("two stores expected");
  return { fromBundle: watch.step(marks[0]!, marks[1]!), evaluateEach: watch.step(marks[1]!, marks[2]!), warmFromBundle: watch.step(marks[3]!, marks[4]!), warmEvaluateEach: watch.step(marks[4]!, marks[5]!) };
}

async function r4Rounds(): Promise<number[]> {
  const rules = await library.setup();
  const specs = r4Specs(1_000);
  const text = rules.r4Source(specs);
  const rounds: number[] = [];
  for (let round = 0; round < R4_ROUNDS; round++) {
    const start = performance.now();
    await rules.r4Load(text, specs, R4_CONTEXT);
    rounds.push(round1(performance.now() - start));
    await rules.r4Release?.();
  }
  return rounds;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    (args[1] === "r4" ? r4Rounds() : load10k()).then(
      (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else {
    const processes = Number(args[0] ?? 3);
    const t = (s: StepTime) => `${s.ms} ms (gc ${s.gcMs})`;
    for (let i = 0; i < processes; i++) {
      const l = jsonOf<Load10kResult>(runTs(__filename, [CHILD_FLAG, "load"]), "warm-up.ts load");
      const rounds = jsonOf<number[]>(runTs(__filename, [CHILD_FLAG, "r4"]), "warm-up.ts r4");
      console.log(`${i + 1}: 10,000 features: fromBundle ${t(l.fromBundle)}, evaluate each ${t(l.evaluateEach)}; a second store: ${t(l.warmFromBundle)}, ${t(l.warmEvaluateEach)}. R4 rounds: ${rounds.join(" ")} ms`);
    }
  }
}
