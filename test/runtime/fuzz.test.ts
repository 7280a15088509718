import fc from "fast-check";
import * as E from "fp-ts/Either";
import { RE2JS } from "re2js";
import semver from "semver";
import { unitInterval } from "../../runtime/hash";
import { decodeBundle, decodeFeature, evaluateWithTrace, FeatureStore, OfflineFeature, type Attribute, type Classifier, type EvaluationContext, type FeatureModel } from "../../runtime";
import { FUZZ_TIMEOUT_MS, fuzzOptions } from "../support/fuzz";
import { attributeArb, classifierArb, featureArb } from "../support/property";
import { evaluationContext, featureDocument } from "./model-arbitraries";

/*
 * Fuzzing: 500 to 1,000 cases per property in `npm test` (fixed seed; fast-check prints the seed
 * and path of a failure), 100,000 under `npm run fuzz` (FUZZ_RUNS). The two costliest properties
 * (4 ms a case: arbitrary input into three loaders; the reference interpreter) run fewer, so this
 * file stays under about 10 s on the shared 2-core machine (figures in RELIABILITY.md).
 */
const FUZZ_RUNS = { decoders: 500, reference: 500, hostile: 1_000, trace: 1_000, roundTrip: 1_000 } as const;

type Issues = readonly { path: string; message: string }[];

/** A refusal must list issues, each with a string path and a message. */
function expectWellFormedRefusal(issues: Issues): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

const bytes = fc.uint8Array({ maxLength: 200 });
const anyInput = fc.oneof(fc.jsonValue(), fc.string(), bytes, featureDocument, fc.anything());

describe("arbitrary input into the decoders and the store", () => {
  const store = FeatureStore.empty();

  it("gives a result or an error with a path, never a throw", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const feature = decodeFeature(input);
        if (E.isLeft(feature)) expectWellFormedRefusal(feature.left.issues);
        const text = typeof input === "string" ? input : JSON.stringify(input) ?? "null";
        const bundle = decodeBundle({ format: "offline-features/bundle@1", hash: `sha256:${"0".repeat(64)}`, features: { x: input } });
        if (E.isLeft(bundle)) expectWellFormedRefusal(bundle.left.issues);
        const replaced = store.replace(text);
        if (E.isLeft(replaced)) expectWellFormedRefusal(replaced.left.issues);
      }),
      fuzzOptions(FUZZ_RUNS.decoders),
    );
  }, FUZZ_TIMEOUT_MS);
});

/*
 * A plain reference interpreter for the core vocabulary, written from the README's semantics
 * table, not from the compiler: "error" stands for any evaluation error.
 */
type Ref = boolean | "error";

/** What a reference evaluation knows besides the context: its feature's key and the features it may depend on. */
interface RefEnv {
  readonly key: string;
  readonly features: ReadonlyMap<string, FeatureModel>;
}

function attributeValue(attribute: Attribute, ctx: Record<string, unknown>, env: RefEnv): unknown {
  switch (attribute.__type) {
    case "static.number":
      return attribute.value;
    case "socket.hostname":
      return typeof ctx.hostname === "string" ? ctx.hostname : "error";
    case "random.session":
      return ctx.sessionRandom;
    case "error":
      return "error-attribute";
    case "context.string":
      return typeof ctx[attribute.name] === "string" ? ctx[attribute.name] : "error-attribute";
    case "context.number":
      return typeof ctx[attribute.name] === "number" && Number.isFinite(ctx[attribute.name]) ? ctx[attribute.name] : "error-attribute";
    case "context.boolean":
      return typeof ctx[attribute.name] === "boolean" ? ctx[attribute.name] : "error-attribute";
    case "process.platform":
      return ctx.processPlatform;
    case "process.env":
      return process.env[attribute.name] ?? "error-attribute";
    case "time.now":
      return ctx.now;
    case "context.timestamp": {
      const v = ctx[attribute.name];
      if (typeof v === "number" && Number.isFinite(v)) return v;
      // RFC 3339 with a zone; a zone-less date is refused, never read as local time.
      if (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v)) return Date.parse(v);
      return "error-attribute";
    }
    case "context.version": {
      // Versions are a wrapped string, so only semver.* reads them (npm's semver, which the
      // runtime's own parser is checked against in test/runtime/semver/).
      const v = ctx[attribute.name];
      return typeof v === "string" && v.trim() === v && semver.valid(v) !== null ? { semver: v } : "error-attribute";
    }
    case "process.node_version":
      return { semver: ctx.nodeVersion };
    case "random.unit": {
      // murmur3_x86_32(salt + ":" + unit) / 2^32 (the hash is checked against murmurhash3js-revisited in test/runtime/hash/).
      const unit = attributeValue(attribute.attribute, ctx, env);
      const salt = attribute.salt ?? env.key;
      if (typeof unit === "string" && unit !== "" && unit !== "error-attribute") return unitInterval(`${salt}:${unit}`);
      if (typeof unit === "number" && Number.isFinite(unit)) return unitInterval(`${salt}:${String(unit)}`);
      return "error-attribute";
    }
    default:
      throw new Error(`reference: no attribute ${(attribute as Attribute).__type}`);
  }
}

const isScalar = (a: unknown): a is string | number | boolean => typeof a === "string" || typeof a === "number" || typeof a === "boolean";

function reference(node: Classifier, ctx: Record<string, unknown>, env: RefEnv): Ref {
  switch (node.__type) {
    case "bool.all": {
      for (const child of node.value) {
        const r = reference(child, ctx, env);
        if (r !== true) return r;
      }
      return true;
    }
    case "bool.any": {
      for (const child of node.value) {
        const r = reference(child, ctx, env);
        if (r !== false) return r;
      }
      return false;
    }
    case "bool.none": {
      const v = node.value;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        const r = reference(v as Classifier, ctx, env);
        return r === "error" ? r : !r;
      }
      return v === "" || v === 0 || v === false || (Array.isArray(v) && v.length === 0);
    }
    default:
      break;
  }
  if (node.__type === "feature.in_bucket") {
    // The prerequisite, evaluated with the same context: any error in it is an error here.
    const model = env.features.get(node.feature);
    if (model === undefined) return "error";
    const r = referenceEvaluate(model, ctx, { key: node.feature, features: env.features });
    return r.errors > 0 ? "error" : node.value.includes(r.bucket);
  }
  const a = attributeValue((node as { attribute: Attribute }).attribute, ctx, env);
  if (a === "error-attribute") return "error";
  const b = (node as { value: unknown }).value;
  switch (node.__type) {
    case "comparison.lt":
      return typeof a === "number" && typeof b === "number" && a < b;
    case "comparison.lte":
      return typeof a === "number" && typeof b === "number" && a <= b;
    case "comparison.gt":
      return typeof a === "number" && typeof b === "number" && a > b;
    case "comparison.gte":
      return typeof a === "number" && typeof b === "number" && a >= b;
    case "comparison.eq":
      return a === b;
    case "comparison.ne":
      return a !== null && b !== null && typeof a === typeof b && a !== b;
    case "re.match":
      return typeof a === "string" && RE2JS.compile(node.value).test(a);
    case "comparison.in":
      return isScalar(a) && node.value.includes(a);
    case "comparison.notin":
      return isScalar(a) && !node.value.includes(a);
    case "str.startswith":
      return typeof a === "string" && a.startsWith(node.value);
    case "str.endswith":
      return typeof a === "string" && a.endsWith(node.value);
    case "str.contains":
      return typeof a === "string" && a.includes(node.value);
    case "semver.lt":
      return semver.compare((a as { semver: string }).semver, node.value) < 0;
    case "semver.lte":
      return semver.compare((a as { semver: string }).semver, node.value) <= 0;
    case "semver.gt":
      return semver.compare((a as { semver: string }).semver, node.value) > 0;
    case "semver.gte":
      return semver.compare((a as { semver: string }).semver, node.value) >= 0;
    case "semver.eq":
      return semver.compare((a as { semver: string }).semver, node.value) === 0;
    case "time.before":
      return (a as number) < Date.parse(node.value);
    case "time.after":
      return (a as number) >= Date.parse(node.value);
    default:
      throw new Error(`reference: no classifier ${(node as Classifier).__type}`);
  }
}

function referenceEvaluate(model: FeatureModel, ctx: Record<string, unknown>, env: RefEnv): { bucket: string; reason: string; errors: number } {
  let errors = 0;
  for (const bucket of model.buckets) {
    const r = reference(bucket.classifier, ctx, env);
    if (r === true) return { bucket: bucket.name, reason: "TARGETING_MATCH", errors };
    if (r === "error") errors++;
  }
  return { bucket: "default", reason: errors > 0 ? "ERROR" : "DEFAULT", errors };
}

/** Contexts that pin the ambient attributes (so the reference needs no process state) and vary the rest. */
const pinnedContext = fc
  .record({
    hostname: fc.constantFrom("lenovo-7", "len", "thinkpad", "é", ""),
    sessionRandom: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    processPlatform: fc.constantFrom("linux", "win32", "darwin"),
    nodeVersion: fc.constantFrom("20.1.0", "22.0.0", "18.19.1", "0.0.0"),
    now: fc.constantFrom(0, 1796083199999, 1796083200000, 1796110200500),
  })
  .chain((ambient) =>
    fc
      .record(
        {
          rest: fc.dictionary(fc.constantFrom("country", "plan", "age", "beta", "userId"), fc.oneof(fc.string({ maxLength: 4 }), fc.double(), fc.boolean(), fc.anything())),
          appVersion: fc.constantFrom("1.0.0", "2.1.0-rc.1", "2.1.0", "v3.0.0", "2.1", "", " 2.1.0", 7),
          signedUpAt: fc.constantFrom("2026-12-01T00:00:00Z", "2026-11-30T23:59:59.999+01:00", "2026-12-01", 1796083200000, 0, true),
        },
        { requiredKeys: ["rest"] },
      )
      .map(({ rest, ...typed }) => ({ ...rest, ...typed, ...ambient })),
  );

/**
 * The reference's vocabulary: the core trees of test/support/property.ts, plus membership and
 * string tests, version and time comparisons over their attributes, and the attributes
 * `process.platform`, `process.env`, `random.unit` (over any core attribute), under `bool.*`.
 */
const referenceScalar = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("FR", "lenovo-7", "len", "linux", ""), fc.integer({ min: -2, max: 2 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const extraAttribute: fc.Arbitrary<Attribute> = fc.oneof(
  fc.constant({ __type: "process.platform" } as const),
  fc.constantFrom("HOME", "OFFLINE_FEATURES_UNSET").map((name) => ({ __type: "process.env", name }) as const),
  fc.record({ __type: fc.constant("random.unit" as const), attribute: attributeArb, salt: fc.constantFrom("s", "golden") }, { requiredKeys: ["__type", "attribute"] }),
);
const anyAttribute = fc.oneof(attributeArb, extraAttribute);
const versionAttribute: fc.Arbitrary<Attribute> = fc.constantFrom({ __type: "context.version", name: "appVersion" } as const, { __type: "process.node_version" } as const);
const timeAttribute: fc.Arbitrary<Attribute> = fc.constantFrom({ __type: "context.timestamp", name: "signedUpAt" } as const, { __type: "time.now" } as const);
const comparisonTag = fc.constantFrom("comparison.lt" as const, "comparison.lte" as const, "comparison.gt" as const, "comparison.gte" as const, "comparison.eq" as const, "comparison.ne" as const);
const { referenceClassifier } = fc.letrec<{ referenceClassifier: Classifier }>((tie) => ({
  referenceClassifier: fc.oneof(
    { maxDepth: 3, depthIdentifier: "reference" },
    classifierArb,
    fc.record({ __type: comparisonTag, attribute: extraAttribute, value: fc.oneof(referenceScalar, fc.double({ min: 0, max: 1, noNaN: true })) }),
    // Rollouts: a unit's number against a threshold, where a wrong salt or hash changes the answer.
    fc.record({
      __type: fc.constantFrom("comparison.lt" as const, "comparison.gte" as const),
      attribute: fc.record(
        { __type: fc.constant("random.unit" as const), attribute: fc.oneof(fc.constant({ __type: "socket.hostname" } as const), fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ __type: "static.number", value }) as const)), salt: fc.constantFrom("s", "golden") },
        { requiredKeys: ["__type", "attribute"] },
      ),
      // Spread evenly (fast-check's doubles cluster at 0, 1 and tiny values, where no salt matters).
      value: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    }),
    fc.record({ __type: fc.constantFrom("comparison.in" as const, "comparison.notin" as const), attribute: anyAttribute, value: fc.array(referenceScalar, { maxLength: 4 }) }),
    fc.record({ __type: fc.constantFrom("str.startswith" as const, "str.endswith" as const, "str.contains" as const), attribute: anyAttribute, value: fc.oneof(fc.string({ maxLength: 2 }), fc.constantFrom("len", "FR", "lin", "7", "")) }),
    fc.record({
      __type: fc.constantFrom("semver.lt" as const, "semver.lte" as const, "semver.gt" as const, "semver.gte" as const, "semver.eq" as const),
      attribute: versionAttribute,
      value: fc.constantFrom("1.0.0", "2.1.0-rc.1", "2.1.0", "v3.0.0+build", "0.0.0-0", "20.1.0"),
    }),
    fc.record({ __type: fc.constantFrom("time.before" as const, "time.after" as const), attribute: timeAttribute, value: fc.constantFrom("2026-12-01T00:00:00Z", "2026-12-01T09:30:00.5+02:00", "1970-01-01T00:00:00Z") }),
    fc.record({ __type: fc.constantFrom("bool.all" as const, "bool.any" as const), value: fc.array(tie("referenceClassifier"), { maxLength: 3 }) }),
    fc.record({ __type: fc.constant("bool.none" as const), value: tie("referenceClassifier") }),
  ) as fc.Arbitrary<Classifier>,
}));
const referenceFeature: fc.Arbitrary<FeatureModel> = fc
  .tuple(featureArb, fc.array(referenceClassifier, { minLength: 4, maxLength: 4 }))
  .map(([model, classifiers]) => ({ ...model, buckets: model.buckets.map((bucket, i) => ({ ...bucket, classifier: classifiers[i]! })) }));

/**
 * A feature "fuzz" whose rules may also depend on "gate" (a feature of the same vocabulary, in one
 * of its bucket names or "default") or on "missing" (not found), with the gate.
 */
const withPrerequisite: fc.Arbitrary<{ model: FeatureModel; gate: FeatureModel }> = referenceFeature.chain((gate) => {
  const names = ["default", ...gate.buckets.map((b) => b.name)];
  const inBucket = fc.record({
    __type: fc.constant("feature.in_bucket" as const),
    feature: fc.constantFrom("gate", "gate", "missing"),
    value: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 2 }),
  }) as fc.Arbitrary<Classifier>;
  const classifier = fc.oneof(
    referenceClassifier,
    inBucket,
    fc.record({ __type: fc.constantFrom("bool.all" as const, "bool.any" as const), value: fc.array(fc.oneof(inBucket, referenceClassifier), { maxLength: 3 }) }) as fc.Arbitrary<Classifier>,
    fc.record({ __type: fc.constant("bool.none" as const), value: inBucket }) as fc.Arbitrary<Classifier>,
  );
  return fc
    .tuple(featureArb, fc.array(classifier, { minLength: 4, maxLength: 4 }))
    .map(([model, classifiers]) => ({ gate, model: { ...model, buckets: model.buckets.map((bucket, i) => ({ ...bucket, classifier: classifiers[i]! })) } }));
});

describe("arbitrary valid features with arbitrary contexts", () => {
  it("never throw, are deterministic, and agree with the reference interpreter", () => {
    fc.assert(
      fc.property(withPrerequisite, fc.array(pinnedContext, { minLength: 1, maxLength: 4 }), ({ model, gate }, contexts) => {
        const gateFeature = OfflineFeature.fromModel(gate, { key: "gate" });
        const feature = OfflineFeature.fromModel(model, { key: "fuzz", resolve: (key) => (key === "gate" ? gateFeature : undefined) });
        const env: RefEnv = { key: "fuzz", features: new Map([["gate", gate]]) };
        for (const ctx of contexts) {
          const details = feature.evaluate(ctx as EvaluationContext);
          expect(feature.evaluate(ctx as EvaluationContext)).toEqual(details);
          const expected = referenceEvaluate(model, ctx, env);
          expect({ bucket: details.bucket, reason: details.reason, errors: details.errors.length }).toEqual(expected);
        }
      }),
      fuzzOptions(FUZZ_RUNS.reference),
    );
  }, FUZZ_TIMEOUT_MS);

  it("over the whole vocabulary, with hostile contexts, never throw and stay deterministic", () => {
    fc.assert(
      fc.property(featureDocument, evaluationContext, (doc, ctx) => {
        const decoded = OfflineFeature.decode(doc, { key: "generated" });
        if (E.isLeft(decoded)) return;
        const pinned = { ...(ctx as object), now: 1_800_000_000_000 } as EvaluationContext;
        const first = decoded.right.evaluate(pinned);
        expect(decoded.right.evaluate(pinned)).toEqual(first);
        for (const error of first.errors) expect(error.message).not.toMatch(/evaluation threw/);
      }),
      fuzzOptions(FUZZ_RUNS.hostile),
    );
  }, FUZZ_TIMEOUT_MS);
});

describe("tracing", () => {
  it("evaluateWithTrace(feature, ctx) agrees with evaluate(ctx), over the whole vocabulary, and both are deterministic for a fixed context", () => {
    fc.assert(
      fc.property(featureDocument, evaluationContext, (doc, ctx) => {
        const decoded = OfflineFeature.decode(doc, { key: "generated" });
        if (E.isLeft(decoded)) return;
        const feature = decoded.right;
        // time.now is pinned; everything else a rule reads comes from the context or the process.
        const pinned = { ...(ctx as object), now: 1_800_000_000_000 } as EvaluationContext;
        const plain = feature.evaluate(pinned);
        const { trace, ...traced } = evaluateWithTrace(feature, pinned);
        expect(traced).toEqual(plain);
        expect(feature.evaluate(pinned)).toEqual(plain);
        expect(evaluateWithTrace(feature, pinned).trace).toEqual(trace);
        // The trace explains the answer it comes with: the matched bucket is the last one tried.
        if (plain.reason === "TARGETING_MATCH") expect(trace.buckets.at(-1)).toMatchObject({ name: plain.bucket, outcome: "matched" });
      }),
      fuzzOptions(FUZZ_RUNS.trace),
    );
  }, FUZZ_TIMEOUT_MS);
});

describe("round trips", () => {
  it("encode → decode → encode is the identity, for every tag", () => {
    fc.assert(
      fc.property(featureDocument, (doc) => {
        const decoded = OfflineFeature.decode(doc, { key: "generated" });
        if (E.isLeft(decoded)) return;
        const once = decoded.right.dumps();
        expect(OfflineFeature.loads(once, { key: "generated" }).dumps()).toBe(once);
      }),
      fuzzOptions(FUZZ_RUNS.roundTrip),
    );
  }, FUZZ_TIMEOUT_MS);
});
