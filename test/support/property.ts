import fc from "fast-check";
import type { Attribute, Classifier, EvaluationContext, FeatureModel, JsonValue } from "../../runtime";

/** Property runs are reproducible: a fixed seed (override with FC_SEED to explore locally). */
export const propertyOptions = { seed: Number(process.env.FC_SEED ?? 42), numRuns: 300 } as const;

const contextName = fc.constantFrom("country", "plan", "age", "beta", "userId");
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const pattern = fc.constantFrom("^len.+", "ovo", "^$", "[0-9]+", "^(a|b)c", "\\d{2}", "é", ".");

/** Attributes of the core vocabulary, the `error` attribute included. */
export const attributeArb: fc.Arbitrary<Attribute> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ __type: "static.number", value }) as const),
  fc.constant({ __type: "socket.hostname" } as const),
  fc.constant({ __type: "random.session" } as const),
  fc.constant({ __type: "error" } as const),
  contextName.map((name) => ({ __type: "context.string", name }) as const),
  contextName.map((name) => ({ __type: "context.number", name }) as const),
  contextName.map((name) => ({ __type: "context.boolean", name }) as const),
);

const comparisonTag = fc.constantFrom(
  "comparison.lt",
  "comparison.lte",
  "comparison.gt",
  "comparison.gte",
  "comparison.eq",
  "comparison.ne",
) as fc.Arbitrary<"comparison.lt">;

/** Random classifier trees over the core vocabulary, a few levels deep. */
export const classifierArb: fc.Arbitrary<Classifier> = fc.letrec<{ classifier: Classifier }>((tie) => ({
  classifier: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ __type: comparisonTag, attribute: attributeArb, value: scalar }),
    fc.record({ __type: fc.constant("re.match" as const), attribute: attributeArb, value: pattern }),
    fc.record({ __type: fc.constant("bool.all" as const), value: fc.array(tie("classifier"), { maxLength: 3 }) }),
    fc.record({ __type: fc.constant("bool.any" as const), value: fc.array(tie("classifier"), { maxLength: 3 }) }),
    fc.record({ __type: fc.constant("bool.none" as const), value: fc.oneof(tie("classifier"), scalar, fc.constant([])) }),
  ),
})).classifier;

const value: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;

/** Random features: unique bucket names (never "default"), random trees and values. */
export const featureArb: fc.Arbitrary<FeatureModel> = fc
  .record({
    names: fc.uniqueArray(fc.string({ maxLength: 5 }).filter((n) => n !== "default"), { maxLength: 4 }),
    classifiers: fc.array(classifierArb, { minLength: 4, maxLength: 4 }),
    values: fc.array(value, { minLength: 4, maxLength: 4 }),
    fallback: value,
    description: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
  })
  .map(({ names, classifiers, values, fallback, description }) => ({
    type: "offline-feature" as const,
    ...(description === undefined ? {} : { description }),
    python_versions: ["all" as const],
    buckets: names.map((name, i) => ({ name, classifier: classifiers[i]!, value: values[i]! })),
    default: fallback,
  }));

/** Contexts with well-typed, ill-typed and missing attributes, and ambient overrides (deliberately off-type). */
export const contextArb: fc.Arbitrary<EvaluationContext> = fc.record(
  {
    country: fc.oneof(fc.constantFrom("FR", "DE", ""), fc.anything()),
    plan: fc.oneof(fc.string(), fc.integer()),
    age: fc.oneof(fc.double(), fc.string()),
    beta: fc.oneof(fc.boolean(), fc.constant(1)),
    userId: fc.string(),
    hostname: fc.oneof(fc.constantFrom("lenovo-7", "len", "thinkpad"), fc.anything()),
    sessionId: fc.oneof(fc.string(), fc.anything()),
    sessionRandom: fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true }), fc.anything()),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<EvaluationContext>;
