/**
 * Whether V8 deoptimizes a generated getter during the bench, in fresh processes of the bench's
 * own suite (bench/suite.ts --quick --mark-phases under --trace-deopt), one line per process with
 * this library's R1 and R5, the checks and the timing told apart. A getter (`getR1`) optimized and
 * then deoptimized during the checks is how R5's slow mode showed: every
 * `{ value, bucket, reason, errors }` record shares one hidden class, and a change to it threw the
 * getter away; the code compiled again ran R5 at 26.5 ns instead of 20. Without the settling of
 * that class at load (runtime/evaluate/answer-records.ts), 2026-12-04: 4 of 7 processes
 * deoptimized getR1, and exactly those 4 ran R5 at 26.4-26.6 ns; with it, 0 of 6.
 *
 *   node -r ts-node/register/transpile-only bench/measure/deopts.ts [processes]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonOf, runTs } from "./child";
import { TIMING_MARK, type SuiteResult } from "../suite";

const LIBRARY = "offline-features";

/** The function each deoptimization line names (V8 prints `<JSFunction name` or `<SharedFunctionInfo name`). */
function deoptimizedNames(trace: string): string[] {
  const names: string[] = [];
  for (const line of trace.split("\n")) {
    if (!line.startsWith("[bailout") && !line.startsWith("[marking dependent code")) continue;
    const m = /<(?:JSFunction|SharedFunctionInfo) ?([^ >]*)/.exec(line);
    names.push(m?.[1] || "(anonymous)");
  }
  return names;
}

/** The getters bench/generated exports (`getR1`, `getR1Details`, …): the names a deoptimization of ours would carry. */
function generatedGetters(): Set<string> {
  const index = readFileSync(join(__dirname, "..", "generated", "index.ts"), "utf8");
  return new Set(index.match(/\bget[A-Z]\w*/g) ?? []);
}

function main(processes: number): void {
  const getters = generatedGetters();
  if (getters.size === 0) throw new Error("bench/generated/index.ts exports no getter");
  let withGetters = 0;
  for (let i = 0; i < processes; i++) {
    const run = runTs(join(__dirname, "..", "suite.ts"), ["--quick", "--rotate", String(i), "--mark-phases"], ["--expose-gc", "--trace-deopt"]);
    const result = jsonOf<SuiteResult>(run, "suite");
    const at = run.stdout.indexOf(TIMING_MARK);
    if (at === -1) throw new Error(`process ${i + 1}: no "${TIMING_MARK}" line in the suite's output`);
    const ours = (trace: string) => [...new Set(deoptimizedNames(trace).filter((n) => getters.has(n)))];
    const checking = ours(run.stdout.slice(0, at));
    const timing = ours(run.stdout.slice(at));
    if (checking.length + timing.length > 0) withGetters++;
    const library = result.evaluators.find((e) => e.name === LIBRARY);
    const ns = (rule: "R1" | "R5") => library?.timings[rule]?.p50 ?? Number.NaN;
    process.stdout.write(
      `process ${i + 1} (${result.order[0]} first): R1 ${ns("R1").toFixed(1)} ns, R5 ${ns("R5").toFixed(1)} ns; ` +
        `generated getters deoptimized while checking: ${checking.join(", ") || "none"}; while timing: ${timing.join(", ") || "none"}\n`,
    );
  }
  process.stdout.write(`${withGetters} of ${processes} processes deoptimized a generated getter\n`);
}

if (require.main === module) main(Number(process.argv[2] ?? 6));
