import { testCommand } from "../../../codegen/spec/test-command";
import { listFeatureFiles, listSpecFiles } from "../../../codegen/pipeline/feature-files";
import { tempProject, type TempProject } from "../temp-project";

jest.setTimeout(60_000);

/*
 * `offline-features test` on one temporary project (spec files run in a worker through ts-node,
 * so each run costs a second or two): a passing spec, a broken expectation, coverage.
 */

const feature = `import { feature, c, ctx, lt, sessionRandom } from "DSL";

export const checkout = feature("checkout")
  .bucket("beta", ctx.boolean("beta").eq(true), "new")
  .bucket("rollout", c.all(ctx.string("country").eq("FR"), lt(sessionRandom(), 0.2)), "new")
  .default("old");
`;

const passing = `import { spec } from "DSL";
import { checkout } from "./checkout";

export default spec(checkout, [
  { given: { beta: true, country: "DE" }, bucket: "beta", value: "new" },
  { given: { beta: false, country: "FR" }, percentile: 10, bucket: "rollout" },
  { given: { beta: false, country: "FR" }, percentile: 50, value: "old" },
]);
`;

const broken = `import { spec } from "DSL";
import { checkout } from "./checkout";

export default spec(checkout, [
  { name: "Germany is in the rollout", given: { beta: false, country: "DE", sessionRandom: 0.05 }, bucket: "rollout", value: "new" },
]);
`;

let p: TempProject;
beforeAll(() => {
  p = tempProject();
  p.write("checkout.ts", feature);
  p.write("checkout.spec.ts", passing);
});
afterAll(() => p.dispose());

describe("offline-features test", () => {
  it("gen does not see spec files, and test finds only them", () => {
    expect(listFeatureFiles(p.features).map((f) => f.slice(p.features.length + 1))).toEqual(["checkout.ts"]);
    expect(listSpecFiles(p.features).map((f) => f.slice(p.features.length + 1))).toEqual(["checkout.spec.ts"]);
  });

  it("passes, and reports coverage: the buckets and conditions no case reached", async () => {
    const outcome = await testCommand(p.options, {});
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toEqual([
      "",
      "coverage:",
      "  checkout: 90.9%",
      '    ctx.country == "FR" at buckets[1].classifier.value[0]: only true',
      "",
      "3 passed, 0 failed",
    ]);
  });

  it("fails under --coverage-min, and --json says why", async () => {
    const outcome = await testCommand(p.options, { coverageMin: 95, json: true });
    expect(outcome.exitCode).toBe(1);
    const json = JSON.parse(outcome.stdout[0]!);
    expect(json).toMatchObject({ ok: false, passed: 3, failed: 0 });
    expect(json.coverage).toEqual([
      {
        feature: "checkout",
        unreachedBuckets: [],
        partialNodes: [{ path: "buckets[1].classifier.value[0]", rule: 'ctx.country == "FR"', seen: "only true" }],
        percent: 90.9,
      },
    ]);
  });

  it("prints a broken expectation with the trace of why, and exits 1", async () => {
    p.write("broken.spec.ts", broken);
    try {
      const outcome = await testCommand(p.options, {});
      expect(outcome.exitCode).toBe(1);
      const text = outcome.stdout.join("\n");
      expect(text).toContain("✗ features/broken.spec.ts:4 checkout: Germany is in the rollout");
      expect(text).toContain('    expected bucket "rollout", got "default" (DEFAULT)');
      expect(text).toContain('    expected value "new", got "old"');
      expect(text).toContain('        ✗ ctx.country == "FR"   [ctx.country = "DE"]   ← decided');
      expect(text).toContain("3 passed, 1 failed");
    } finally {
      p.remove("broken.spec.ts");
    }
  });
});
