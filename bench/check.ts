/** Runs the correctness step alone: `npx ts-node --transpile-only bench/check.ts` (exit 1 on any problem). */
import { checkEvaluator } from "./correctness";
import { allEvaluators } from "./evaluators";

async function main(): Promise<void> {
  let failed = false;
  for (const evaluator of allEvaluators()) {
    const started = Date.now();
    const { problems } = await checkEvaluator(evaluator);
    failed ||= problems.length > 0;
    console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${evaluator.name} (${Date.now() - started} ms)`);
    for (const p of problems) console.log(`     ${p}`);
  }
  process.exitCode = failed ? 1 : 0;
}
void main();
