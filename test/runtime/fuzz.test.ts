import fc from "fast-check";
import * as E from "fp-ts/Either";
import { RE2JS } from "re2js";
import { decodeBundle, decodeFeature, FeatureStore, OfflineFeature, type Attribute, type Classifier, type EvaluationContext, type FeatureModel } from "../../runtime";
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

function attributeValue(attribute: Attribute, ctx: Record<string, unknown>): unknown {
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
    default:
      throw new Error(`reference: no attribute ${attribute.__type}`);
  }
}

const isScalar = (a: unknown): a is string | number | boolean => typeof a === "string" || typeof a === "number" || typeof a === "boolean";

function reference(node: Classifier, ctx: Record<string, unknown>): Ref {
  switch (node.__type) {
    case "bool.all": {
      for (const child of node.value) {
        const r = reference(child, ctx);
        if (r !== true) return r;
      }
      return true;
    }
    case "bool.any": {
      for (const child of node.value) {
        const r = reference(child, ctx);
        if (r !== false) return r;
      }
      return false;
    }
    case "bool.none": {
      const v = node.value;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) {
        const r = reference(v as Classifier, ctx);
        return r === "error" ? r : !r;
      }
      return v === "" || v === 0 || v === false || (Array.isArray(v) && v.length === 0);
    }
    default:
      break;
  }
  const a = attributeValue((node as { attribute: Attribute }).attribute, ctx);
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
    default:
      throw new Error(`reference: no classifier ${node.__type}`);
  }
}

function referenceEvaluate(model: FeatureModel, ctx: Record<string, unknown>): { bucket: string; reason: string; errors: number } {
  let errors = 0;
  for (const bucket of model.buckets) {
    const r = reference(bucket.classifier, ctx);
    if (r === true) return { bucket: bucket.name, reason: "TARGETING_MATCH", errors };
    if (r === "error") errors++;
  }
  return { bucket: "default", reason: errors > 0 ? "ERROR" : "DEFAULT", errors };
}

/** Contexts that pin the ambient attributes (so the reference needs no process state) and vary the rest. */
const pinnedContext = fc
  .record({ hostname: fc.constantFrom("lenovo-7", "len", "thinkpad", "é", ""), sessionRandom: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) })
  .chain((ambient) => fc.dictionary(fc.constantFrom("country", "plan", "age", "beta", "userId"), fc.oneof(fc.string({ maxLength: 4 }), fc.double(), fc.boolean(), fc.anything())).map((rest) => ({ ...rest, ...ambient })));

/**
 * The reference's vocabulary: the core trees of test/support/property.ts, plus membership and
 * string tests (`comparison.in`, `comparison.notin`, `str.*`), under `bool.*` with the rest.
 */
const referenceScalar = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("FR", "lenovo-7", "len", ""), fc.integer({ min: -2, max: 2 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const { referenceClassifier } = fc.letrec<{ referenceClassifier: Classifier }>((tie) => ({
  referenceClassifier: fc.oneof(
    { maxDepth: 3, depthIdentifier: "reference" },
    classifierArb,
    fc.record({ __type: fc.constantFrom("comparison.in" as const, "comparison.notin" as const), attribute: attributeArb, value: fc.array(referenceScalar, { maxLength: 4 }) }),
    fc.record({ __type: fc.constantFrom("str.startswith" as const, "str.endswith" as const, "str.contains" as const), attribute: attributeArb, value: fc.oneof(fc.string({ maxLength: 2 }), fc.constantFrom("len", "FR", "7", "")) }),
    fc.record({ __type: fc.constantFrom("bool.all" as const, "bool.any" as const), value: fc.array(tie("referenceClassifier"), { maxLength: 3 }) }),
    fc.record({ __type: fc.constant("bool.none" as const), value: tie("referenceClassifier") }),
  ) as fc.Arbitrary<Classifier>,
}));
const referenceFeature: fc.Arbitrary<FeatureModel> = fc
  .tuple(featureArb, fc.array(referenceClassifier, { minLength: 4, maxLength: 4 }))
  .map(([model, classifiers]) => ({ ...model, buckets: model.buckets.map((bucket, i) => ({ ...bucket, classifier: classifiers[i]! })) }));

describe("arbitrary valid features with arbitrary contexts", () => {
  it("never throw, are deterministic, and agree with the reference interpreter", () => {
    fc.assert(
      fc.property(referenceFeature, fc.array(pinnedContext, { minLength: 1, maxLength: 4 }), (model, contexts) => {
        const feature = OfflineFeature.fromModel(model, { key: "fuzz" });
        for (const ctx of contexts) {
          const details = feature.evaluate(ctx as EvaluationContext);
          expect(feature.evaluate(ctx as EvaluationContext)).toEqual(details);
          const expected = referenceEvaluate(model, ctx);
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
  it("evaluate(ctx, { trace: true }) agrees with evaluate(ctx), over the whole vocabulary, and both are deterministic for a fixed context", () => {
    fc.assert(
      fc.property(featureDocument, evaluationContext, (doc, ctx) => {
        const decoded = OfflineFeature.decode(doc, { key: "generated" });
        if (E.isLeft(decoded)) return;
        const feature = decoded.right;
        // time.now is pinned; everything else a rule reads comes from the context or the process.
        const pinned = { ...(ctx as object), now: 1_800_000_000_000 } as EvaluationContext;
        const plain = feature.evaluate(pinned);
        const { trace, ...traced } = feature.evaluate(pinned, { trace: true });
        expect(traced).toEqual(plain);
        expect(feature.evaluate(pinned)).toEqual(plain);
        expect(feature.evaluate(pinned, { trace: true }).trace).toEqual(trace);
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
