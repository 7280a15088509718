import fc from "fast-check";
import * as E from "fp-ts/Either";
import { RE2JS } from "re2js";
import { decodeBundle, decodeFeature, FeatureStore, OfflineFeature, type Attribute, type Classifier, type EvaluationContext, type FeatureModel } from "../../runtime";
import { FUZZ_TIMEOUT_MS, fuzzOptions } from "../support/fuzz";
import { featureArb } from "../support/property";
import { evaluationContext, featureDocument } from "./model-arbitraries";

/*
 * Fuzzing: about 500 cases per property in `npm test` (fixed seed; fast-check prints the seed
 * and path of a failure), 100,000 under `npm run fuzz` (FUZZ_RUNS).
 */

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
      fuzzOptions(),
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

describe("arbitrary valid features with arbitrary contexts", () => {
  it("never throw, are deterministic, and agree with the reference interpreter", () => {
    fc.assert(
      fc.property(featureArb, fc.array(pinnedContext, { minLength: 1, maxLength: 4 }), (model, contexts) => {
        const feature = OfflineFeature.fromModel(model, { key: "fuzz" });
        for (const ctx of contexts) {
          const details = feature.evaluate(ctx as EvaluationContext);
          expect(feature.evaluate(ctx as EvaluationContext)).toEqual(details);
          const expected = referenceEvaluate(model, ctx);
          expect({ bucket: details.bucket, reason: details.reason, errors: details.errors.length }).toEqual(expected);
        }
      }),
      fuzzOptions(),
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
      fuzzOptions(),
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
      fuzzOptions(),
    );
  }, FUZZ_TIMEOUT_MS);
});
