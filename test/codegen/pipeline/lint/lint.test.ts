import { formatFinding, lintFeatures, type LintSubject } from "../../../../codegen/pipeline/lint";
import { c, ctx, feature, sessionRandom } from "../../../../dsl";
import cases from "../../../fixtures/lint-cases.json";

type Expected = [rule: string, severity: string, feature: string, bucket: string, messagePart: string];
type Case = [name: string, subjects: LintSubject[], expected: Expected[]];

describe("lint rules: cases that must fail and cases that must pass", () => {
  it.each(cases as unknown as Case[])("%s", (_name, subjects, expected) => {
    const findings = lintFeatures(subjects);
    expect(findings).toHaveLength(expected.length);
    expected.forEach(([rule, severity, featureKey, bucket, part], i) => {
      expect(findings[i]).toMatchObject({ rule, severity, feature: featureKey, bucket });
      expect(findings[i]!.message).toContain(part);
    });
  });
});

describe("lint findings point at the definition", () => {
  it("names the bucket's file and line, the JSON path and the rule", () => {
    const f = feature("shadowed").bucket("everyone", c.always(), 1).bucket("beta", ctx.boolean("beta").eq(true), 2).default(0);
    const [finding] = lintFeatures([{ key: "shadowed", model: f.model, source: f.source, bucketSources: f.bucketSources }]);
    expect(formatFinding(finding!)).toMatch(
      /^test\/codegen\/pipeline\/lint\/lint\.test\.ts:\d+: error: feature "shadowed", bucket "beta" \(buckets\[1\]\): bucket "beta" can never match: .* \[unreachable-bucket\]$/,
    );
  });

  it("lists errors before warnings", () => {
    const a = feature("a").bucket("x", sessionRandom().lt(0.1).and(sessionRandom().gt(0.2)), 1).bucket("y", ctx.string("n").eq("1"), 1).default(0);
    const b = feature("b").bucket("z", ctx.number("n").gt(1), 1).default(0);
    const severities = lintFeatures([a, b].map((f) => ({ key: f.key!, model: f.model }))).map((x) => x.severity);
    expect(severities).toEqual(["error", "warning"]);
  });
});

describe("prerequisite cycles", () => {
  it("are rejected with the whole cycle named", () => {
    const gate = (key: string, next: string): LintSubject => ({
      key,
      model: { type: "offline-feature", python_versions: ["all"], buckets: [{ name: "on", classifier: { __type: "feature.in_bucket", feature: next, value: ["on"] }, value: true }], default: false },
    });
    const findings = lintFeatures([gate("a", "b"), gate("b", "c"), gate("c", "a")]);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([["prerequisites", "prerequisites form a cycle: a → b → c → a"]]);
    expect(findings[0]!.path).toBe("buckets[0].classifier");
  });
});
