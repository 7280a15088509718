/**
 * The benchmark's correctness step (never its timings): this library and the hand-written floor,
 * and every peer installed in bench/node_modules (`npm ci --prefix bench`), answer the plain
 * reference on every input of every rule (bench/cases.ts).
 */
import { R3_SHARE, R4_CONTEXT, r1Inputs, r2Inputs, r3Inputs, r4Specs, referenceR1, referenceR2, referenceR3 } from "../../bench/cases";
import { checkEvaluator, checkRules } from "../../bench/correctness";
import { floor, installedPeers, library } from "../../bench/evaluators";

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;

describe("the reference", () => {
  it("gives every answer on the inputs, so an evaluator stuck on one answer fails", () => {
    for (const bucket of ["holdout", "control", "default"]) expect(count(r1Inputs, (x) => referenceR1(x) === bucket)).toBeGreaterThan(100);
    for (const answer of ["match", "default"]) expect(count(r2Inputs, (x) => referenceR2(x) === answer)).toBeGreaterThan(100);
    expect(Math.abs(count(r3Inputs, (x) => referenceR3(x) === "treatment") / r3Inputs.length - R3_SHARE)).toBeLessThan(0.01);
    const r4 = r4Specs(1000).map((s) => referenceR2(R4_CONTEXT, s));
    expect(count(r4, (a) => a === "match")).toBeGreaterThan(50);
    expect(count(r4, (a) => a === "default")).toBeGreaterThan(50);
  });

  it("semver compares numerically: 2.10.0 is above 2.3.0", () => {
    expect(referenceR2({ country: "US", plan: "pro", appVersion: "2.10.0" })).toBe("match");
    expect(referenceR2({ country: "US", plan: "pro", appVersion: "2.2.9" })).toBe("default");
  });
});

describe("the check", () => {
  it("refuses a misconfigured no-op (one constant answer), so it is never timed", async () => {
    const rules = await floor.setup();
    const result = await checkRules("no-op", { ...rules, r1: () => "default", r2: () => "default" }, 100);
    expect(result.problems.some((p) => p.startsWith("R1:"))).toBe(true);
    expect(result.problems.some((p) => p.startsWith("R2:"))).toBe(true);
  });

  it("refuses a split that is not sticky or not 10%", async () => {
    const rules = await floor.setup();
    let calls = 0;
    const result = await checkRules("unsticky", { ...rules, ownHash: true, r3: () => (calls++ % 10 === 0 ? "treatment" : "control") }, 100);
    expect(result.problems.some((p) => p.includes("not sticky"))).toBe(true);
    const half = await checkRules("half", { ...rules, ownHash: true, r3: (x) => (x.userId.endsWith("1") || x.userId.endsWith("2") ? "treatment" : "control") }, 100);
    expect(half.problems.some((p) => p.includes("treatment share"))).toBe(true);
  });
});

describe.each([library, floor, ...installedPeers()].map((e) => [e.name, e] as const))("%s", (_name, evaluator) => {
  it("answers the reference on every input of every rule it runs", async () => {
    const { problems } = await checkEvaluator(evaluator);
    expect(problems).toEqual([]);
  }, 60_000);
});
