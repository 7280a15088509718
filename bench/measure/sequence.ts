/**
 * This library and the floor alone, in fresh processes of the bench's own suite (bench/suite.ts
 * with --quick): each process checks both, then times them as `npm run bench` does. One line per
 * process, so that what varies from process to process shows (2026-12-03, Intel: R1 20 to 34 ns
 * before the memo was computed with a filled record, 20.7 to 26.8 ns after in nine; runtime/evaluate/context.ts).
 *
 *   node -r ts-node/register/transpile-only bench/measure/sequence.ts [processes]
 */
import { join } from "node:path";
import { jsonOf, runTs } from "./child";
import type { SuiteResult } from "../suite";

const LIBRARY = "offline-features";
const FLOOR = "hand-written floor";

function main(processes: number): void {
  for (let i = 0; i < processes; i++) {
    const run = runTs(join(__dirname, "..", "suite.ts"), ["--quick", "--only", `${LIBRARY},${FLOOR}`], ["--expose-gc"]);
    const result = jsonOf<SuiteResult>(run, "suite");
    const of = (name: string) => result.evaluators.find((e) => e.name === name);
    const library = of(LIBRARY);
    const floor = of(FLOOR);
    const problems = result.evaluators.flatMap((e) => e.problems);
    if (library === undefined || floor === undefined || problems.length > 0) throw new Error(`process ${i + 1}: ${problems.join("; ") || "an evaluator is missing"}`);
    const ns = (rule: "R1" | "R1-ambient" | "R2" | "R3" | "R5", e = library) => e.timings[rule]?.p50 ?? Number.NaN;
    const line = [
      `R1 ${ns("R1").toFixed(1)} ns (floor ${ns("R1", floor).toFixed(1)}, ${(ns("R1") / ns("R1", floor)).toFixed(2)}x)`,
      `R1-ambient ${ns("R1-ambient").toFixed(2)} ns`,
      `R2 ${ns("R2").toFixed(1)} ns`,
      `R3 ${ns("R3").toFixed(1)} ns`,
      `R5 ${ns("R5").toFixed(1)} ns (${(ns("R5") / ns("R1")).toFixed(2)}x R1)`,
    ];
    console.log(`process ${i + 1}: ${line.join(", ")}`);
  }
}

if (require.main === module) main(Number(process.argv[2] ?? 6));
