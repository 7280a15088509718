/**
 * Correctness before timing: each evaluator's rules against the plain reference on every input
 * (bench/cases.ts). A rule that answers wrongly, or a misconfigured no-op that answers one
 * constant, fails here and is never timed.
 *
 * R3 for peers: each peer buckets with its own hash (sha1, fnv, murmur with its own key), so its
 * answers cannot equal murmur3's. A peer's R3 is checked instead for stickiness (the same id gets
 * the same answer on a second pass, in reverse order), for answering only "treatment" or
 * "control", and for a treatment share within R3_TOLERANCE of 10% over the 10,000 ids.
 */
import { performance } from "node:perf_hooks";
import {
  R3_SHARE,
  R3_TOLERANCE,
  R4_CONTEXT,
  r1Inputs,
  r2Inputs,
  r3Inputs,
  r4Specs,
  referenceR1,
  referenceR2,
  referenceR3,
} from "./cases";
import { ambientInput } from "./evaluators/library";
import type { Evaluator, Rules } from "./evaluators/types";

/** Features in R4's check (the timed run loads the same 1,000). */
export const R4_COUNT = 1_000;

export interface CheckResult {
  readonly evaluator: string;
  /** One line per problem found; empty when every rule agrees with the reference. */
  readonly problems: readonly string[];
  /** How long R4's load and evaluations took in this check, in ms: the first R4 in a fresh process. */
  readonly r4FirstMs: number;
}

async function compare<I>(rule: string, inputs: readonly I[], evaluate: (x: I) => string | Promise<string>, expected: (x: I) => string, problems: string[]): Promise<void> {
  let wrong = 0;
  for (const x of inputs) {
    const got = await evaluate(x);
    const want = expected(x);
    if (got !== want) {
      if (wrong < 3) problems.push(`${rule}: ${JSON.stringify(x)} answered ${JSON.stringify(got)}, the reference ${JSON.stringify(want)}`);
      wrong++;
    }
  }
  if (wrong > 3) problems.push(`${rule}: ${wrong} of ${inputs.length} inputs wrong in all`);
}

async function checkOwnHashSplit(rules: Rules, problems: string[]): Promise<void> {
  const first = new Map<string, string>();
  let treatment = 0;
  for (const x of r3Inputs) {
    const got = await rules.r3(x);
    if (got !== "treatment" && got !== "control") {
      problems.push(`R3: ${JSON.stringify(x)} answered ${JSON.stringify(got)}, expected "treatment" or "control"`);
      return;
    }
    first.set(x.userId, got);
    if (got === "treatment") treatment++;
  }
  const share = treatment / r3Inputs.length;
  if (Math.abs(share - R3_SHARE) > R3_TOLERANCE) problems.push(`R3: treatment share ${(share * 100).toFixed(2)}%, expected ${R3_SHARE * 100}% ± ${R3_TOLERANCE * 100}`);
  for (let i = r3Inputs.length - 1; i >= 0; i--) {
    const x = r3Inputs[i]!;
    if ((await rules.r3(x)) !== first.get(x.userId)) {
      problems.push(`R3: ${x.userId} is not sticky (a second evaluation answered differently)`);
      return;
    }
  }
}

/** Checks a set-up evaluator's rules on every input; R4 on `r4Count` features. */
export async function checkRules(name: string, rules: Rules, r4Count = R4_COUNT): Promise<CheckResult> {
  const problems: string[] = [];
  await compare("R1", r1Inputs, rules.r1, referenceR1, problems);
  const ambient = referenceR1(ambientInput());
  await compare("R1-ambient", [undefined], () => rules.ambient(), () => ambient, problems);
  await compare("R2", r2Inputs, rules.r2, (x) => referenceR2(x), problems);
  if (rules.ownHash === true) await checkOwnHashSplit(rules, problems);
  else await compare("R3", r3Inputs, rules.r3, (x) => referenceR3(x), problems);
  if (rules.r5 !== undefined) await compare("R5", r1Inputs, rules.r5, referenceR1, problems);
  const specs = r4Specs(r4Count);
  const text = rules.r4Source(specs);
  const started = performance.now();
  const answers = await rules.r4Load(text, specs, R4_CONTEXT);
  const r4FirstMs = performance.now() - started;
  await rules.r4Release?.();
  const expected = specs.map((s) => referenceR2(R4_CONTEXT, s));
  const matches = expected.filter((e) => e === "match").length;
  if (matches === 0 || matches === specs.length) problems.push(`R4: the check itself is degenerate (${matches} of ${specs.length} match)`);
  await compare("R4", specs.map((_, i) => i), (i) => answers[i] ?? "(missing)", (i) => expected[i]!, problems);
  return { evaluator: name, problems, r4FirstMs };
}

/** Sets the evaluator up, checks it, and closes it. */
export async function checkEvaluator(evaluator: Evaluator, r4Count = R4_COUNT): Promise<CheckResult> {
  const rules = await evaluator.setup();
  try {
    return await checkRules(evaluator.name, rules, r4Count);
  } finally {
    await rules.close?.();
  }
}
