import { formatFinding, lintFeatures, type LintSubject } from "../../../../codegen/pipeline/lint";
import { c, ctx, feature, inBucket, sessionRandom } from "../../../../dsl";
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

describe("context-types: one rule, two levels", () => {
  const subject = (f: { key?: string | undefined; model: LintSubject["model"] }): LintSubject => ({ key: f.key!, model: f.model });

  it("is an error within one feature, naming the bucket that reads the second type", () => {
    const f = feature("ages").bucket("s", ctx.string("age").eq("x"), 1).bucket("n", ctx.number("age").gt(3), 2).default(0);
    expect(lintFeatures([subject(f)]).map((x) => [x.rule, x.severity, x.bucket, x.message])).toEqual([
      ["context-types", "error", "n", 'context attribute "age" is read as string and as number (bucket "n"); use one type'],
    ]);
  });

  it("is an error for a feature whose prerequisite reads the key as another type, and no extra warning", () => {
    const gate = feature("gate").bucket("on", ctx.number("age").gt(3), true).default(false);
    const user = feature("user").bucket("young", c.all(inBucket(gate, "on"), ctx.string("age").eq("x")), 1).default(0);
    expect(lintFeatures([subject(gate), subject(user)]).map((x) => [x.rule, x.severity, x.feature, x.message])).toEqual([
      ["context-types", "error", "user", 'context attribute "age" is read as string and as number (feature "gate", bucket "on", a prerequisite); use one type'],
    ]);
  });

  it("compares the types the getters' contexts require: a version and a string are both strings", () => {
    const a = feature("a").bucket("x", ctx.version("v").ge("1.0.0"), 1).default(0);
    const b = feature("b").bucket("y", ctx.string("v").eq("1.0.0"), 1).default(0);
    expect(lintFeatures([subject(a), subject(b)])).toEqual([]);
  });
});
