import * as E from "fp-ts/Either";
import fc from "fast-check";
import { documentSizeProblem } from "../../../runtime/decode/limits";
import { propertyOptions } from "../../support/property";
import { measured } from "../../support/document-size";
import { DEFAULT_LIMITS, FeatureStore, OfflineFeature, decodeBundle, decodeFeature, encodeBundle, findCycle, inputLimits, type FeatureModel } from "../../../runtime";

/*
 * Limits apply before work: bytes before JSON.parse, the rest on the parsed value before the
 * codec. Each refusal names the limit and how to raise it.
 */

const leaf = (key: string, next?: string): FeatureModel => ({
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [
    {
      name: "on",
      classifier: next === undefined ? { __type: "comparison.lt", attribute: { __type: "static.number", value: 0 }, value: 1 } : { __type: "feature.in_bucket", feature: next, value: ["on"] },
      value: key,
    },
  ],
  default: "off",
});

/** `n` features, each f<i> depending on f<i+1>, listed bottom first so that a load in map order sees the longest chains. */
function chain(n: number): Record<string, FeatureModel> {
  const features: Record<string, FeatureModel> = {};
  for (let i = n - 1; i >= 0; i--) features[`f${i}`] = leaf(`f${i}`, i === n - 1 ? undefined : `f${i + 1}`);
  return features;
}

const issues = (e: E.Either<{ issues: readonly { path: string; message: string }[] }, unknown>) => (E.isLeft(e) ? e.left.issues : []);

describe("documentSizeProblem", () => {
  it("refuses exactly the documents deeper or larger than the limits (a property, fixed seed)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 }), (doc, depth, values, envelope) => {
        const { deepest, count } = measured(doc);
        const problem = documentSizeProblem(doc, { ...DEFAULT_LIMITS, depth, values }, envelope);
        const tooDeep = deepest > depth + envelope;
        const tooMany = count > values;
        if (!tooDeep && !tooMany) expect(problem).toBeUndefined();
        // A document past both limits may be refused for either: the walk stops at the first it meets.
        else if (!tooMany) expect(problem).toMatch(/^the document nests deeper than/);
        else if (!tooDeep) expect(problem).toMatch(/^the document holds more than/);
        else expect(problem).toMatch(/^the document (nests deeper|holds more) than/);
      }),
      propertyOptions,
    );
  });
});

describe("bytes, before parsing", () => {
  it("a 100 MB bundle is refused without parsing it, naming the limit and how to raise it", () => {
    const huge = `{"format":"offline-features/bundle@1","features":{"x":[${"0,".repeat(50 * 1024 * 1024)}0]}}`;
    const [issue] = issues(decodeBundle(huge));
    expect(issue).toEqual({ path: "", message: expect.stringMatching(/^the document is over \d+ bytes; the limit is limits\.bytes = 16777216 \(raise it with the option \{ limits: \{ bytes: … \} \}\)$/) });
    expect(issues(FeatureStore.empty().replace(huge))[0]!.message).toContain("limits.bytes");
  });

  it("bytes are checked as bytes, also for UTF-8 input", () => {
    const doc = JSON.stringify({ type: "offline-feature", buckets: [], default: "é".repeat(600) });
    expect(issues(decodeFeature(doc, { limits: { bytes: 1000 } }))[0]!.message).toMatch(/^the document is \d{4} bytes; the limit is limits\.bytes = 1000/);
    expect(E.isRight(decodeFeature(doc, { limits: { bytes: 2000 } }))).toBe(true);
    expect(issues(decodeFeature(new TextEncoder().encode(doc), { limits: { bytes: 1000 } }))[0]!.message).toContain("limits.bytes");
    expect(E.isRight(decodeFeature(new TextEncoder().encode(doc)))).toBe(true);
    expect(issues(decodeFeature(new Uint8Array([0xff, 0xfe])))[0]!.message).toBe("invalid UTF-8 in the document");
  });

  it("the store exposes its limits, for sources that stream", () => {
    expect(FeatureStore.empty().limits).toEqual(DEFAULT_LIMITS);
    expect(FeatureStore.empty({ limits: { bytes: 5 } }).limits.bytes).toBe(5);
  });
});

describe("limits on the parsed document", () => {
  const bucket = (i: number) => ({ name: `b${i}`, classifier: { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.5 }, value: i });

  it.each([
    ["depth", { type: "offline-feature", buckets: [], default: JSON.parse("[".repeat(40) + "]".repeat(40)) }, { depth: 20 }, "", "the document nests deeper than 20 levels; the limit is limits.depth = 20"],
    ["values", { type: "offline-feature", buckets: [], default: Array.from({ length: 200 }, () => 0) }, { values: 100 }, "", "the document holds more than 100 values; the limit is limits.values = 100"],
    ["buckets", { type: "offline-feature", buckets: [bucket(0), bucket(1), bucket(2)], default: 0 }, { buckets: 2 }, "buckets", "the feature has 3 buckets; the limit is limits.buckets = 2"],
  ] as const)("%s", (_name, doc, limits, path, message) => {
    const [issue] = issues(decodeFeature(JSON.stringify(doc), { limits }));
    expect(issue).toEqual({ path, message: expect.stringContaining(message) });
    expect(issue!.message).toContain("raise it with the option { limits:");
    expect(E.isRight(decodeFeature(JSON.stringify(doc)))).toBe(true);
    expect(() => OfflineFeature.loads(JSON.stringify(doc), { limits })).toThrow(message);
  });

  it("depth in a bundle: a feature may nest limits.depth levels, and the message says where the 2 more come from", () => {
    const deep = (levels: number): FeatureModel => ({ ...leaf("d"), default: JSON.parse("[".repeat(levels) + "]".repeat(levels)) });
    expect(E.isRight(decodeBundle(encodeBundle({ d: deep(20) }), undefined, { depth: 20 }))).toBe(true);
    expect(issues(decodeBundle(encodeBundle({ d: deep(21) }), undefined, { depth: 20 }))).toEqual([
      { path: "", message: "the document nests deeper than 22 levels (limits.depth plus the bundle's 2 around its features); the limit is limits.depth = 20 (raise it with the option { limits: { depth: … } })" },
    ]);
  });

  it("features in a bundle", () => {
    const doc = encodeBundle({ a: leaf("a"), b: leaf("b"), c: leaf("c") });
    expect(issues(decodeBundle(doc, undefined, { features: 2 }))).toEqual([{ path: "features", message: expect.stringContaining("the bundle holds more than 2 features; the limit is limits.features = 2") }]);
    expect(E.isRight(decodeBundle(doc))).toBe(true);
  });

  it("limits must be positive integers under their ceilings", () => {
    expect(() => inputLimits({ bytes: 0 })).toThrow("limits.bytes must be a positive integer, found 0");
    expect(() => inputLimits({ prerequisiteDepth: 1000 })).toThrow("limits.prerequisiteDepth can be at most 256, found 1000");
    expect(() => FeatureStore.empty({ limits: { depth: Number.NaN } })).toThrow(RangeError);
    expect(issues(decodeFeature("{}", { limits: { values: -1 } }))[0]!.message).toBe("limits.values must be a positive integer, found -1");
  });
});

describe("prerequisite depth, and linear-time checks of prerequisite chains", () => {
  it("a chain within the limit loads and evaluates to the bottom", () => {
    const store = FeatureStore.fromBundle(encodeBundle(chain(33)));
    if (E.isLeft(store)) throw store.left;
    expect(store.right.resolve("f0")!.evaluate()).toMatchObject({ bucket: "on", value: "f0", errors: [] });
  });

  it("one level more is refused, the chain named", () => {
    expect(issues(FeatureStore.empty().replace(encodeBundle(chain(34))))).toEqual([
      { path: "features.f0", message: "prerequisites nest 33 deep (f0 → f1 → f2 → f3 → … → f31 → f32 → f33); the limit is limits.prerequisiteDepth = 32 (raise it with the option { limits: { prerequisiteDepth: … } })" },
    ]);
    expect(E.isRight(FeatureStore.empty({ limits: { prerequisiteDepth: 33 } }).replace(encodeBundle(chain(34))))).toBe(true);
  });

  // Each of these took quadratic time once (20,000 did not finish in 4 minutes); a quadratic check
  // would now time out at 10,000 as well.
  it.each([1_000, 5_000, 10_000])("%i chained features are checked in linear time", (n) => {
    const features = chain(n);
    expect(findCycle(new Map(Object.entries(features)))).toBeUndefined();
    const refused = issues(FeatureStore.empty({ limits: { features: 20_000 } }).replace(encodeBundle(features)));
    expect(refused[0]!.message).toContain(`prerequisites nest ${n - 1} deep`);
  }, 30_000);

  it("5,000 features depending on one load (depth 1)", () => {
    const star: Record<string, FeatureModel> = { f0: leaf("f0") };
    for (let i = 1; i < 5_000; i++) star[`f${i}`] = leaf(`f${i}`, "f0");
    const store = FeatureStore.fromBundle(encodeBundle(star));
    if (E.isLeft(store)) throw store.left;
    expect(store.right.resolve("f4999")!.evaluate()).toMatchObject({ bucket: "on", errors: [] });
  }, 30_000);

  it("a cycle among 20,000 features is found, whole", () => {
    const features = chain(20_000);
    features.f19999 = leaf("f19999", "f0");
    const cycle = findCycle(new Map(Object.entries(features)));
    expect(cycle).toHaveLength(20_001);
    expect(cycle![0]).toBe(cycle![20_000]);
  }, 30_000);
});
