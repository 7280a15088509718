import fc from "fast-check";
import { compileFeature } from "../../../runtime/compile/feature";
import { compileTracer } from "../../../runtime/evaluate/trace";
import type { Classifier } from "../../../runtime/model/classifier";
import type { FeatureModel } from "../../../runtime/model/feature";
import { classifierArb, contextArb, propertyOptions } from "../../support/property";

/*
 * compileRule never nests more than 64 compile calls: a node met deeper is handed to its parent as
 * a forwarding closure and compiled after the descent returns, so a tree far deeper than the call
 * stack compiles. (Decoding refuses such a tree long before: the depth limit's ceiling is 1,024
 * levels. This calls the compiler directly, as a caller that builds models in code could.)
 */

const DEEP = 100_000;

function model(classifier: Classifier): FeatureModel {
  return { buckets: [{ name: "deep", classifier, value: true }], default: false, python_versions: ["all"] } as unknown as FeatureModel;
}

/** `not(not(… eq(ctx.country, "FR") …))`, `levels` negations deep. */
function negations(levels: number): Classifier {
  let node: Classifier = { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "FR" } as Classifier;
  for (let i = 0; i < levels; i++) node = { __type: "bool.none", value: node } as Classifier;
  return node;
}

/** `random.unit` of `random.unit` of … of `ctx.userId`, `levels` deep, under `lt(…, 1)`. */
function unitChain(levels: number): Classifier {
  let attribute: unknown = { __type: "context.string", name: "userId" };
  for (let i = 0; i < levels; i++) attribute = { __type: "random.unit", attribute, salt: "s" };
  return { __type: "comparison.lt", attribute, value: 1 } as Classifier;
}

describe("compiling a rule tree", () => {
  it.each([
    ["an even number of negations matches as the bare test does", 10, { country: "FR" }, "deep"],
    ["an odd number of negations inverts it", 11, { country: "FR" }, "default"],
  ])("%s (the same closures a recursive compile built)", (_, levels, ctx, bucket) => {
    expect(compileFeature(model(negations(levels)), { featureKey: "f" }).evaluate(ctx).bucket).toBe(bucket);
  });

  it(`compiles ${DEEP.toLocaleString("en")} nested negations without a stack overflow; evaluating them fails as an error, not a throw`, () => {
    const compiled = compileFeature(model(negations(DEEP)), { featureKey: "f" });
    const details = compiled.evaluate({ country: "FR" });
    expect(details.bucket).toBe("default");
    expect(details.errors.length).toBeGreaterThan(0);
  });

  it(`compiles a ${DEEP.toLocaleString("en")}-deep chain of nested attributes without a stack overflow`, () => {
    expect(() => compileFeature(model(unitChain(DEEP)), { featureKey: "f" })).not.toThrow();
  });

  it("compiles a traced tree in steps too, and the trace still names each node's path", () => {
    const evaluate = compileTracer(model(negations(2)), { featureKey: "f" });
    const traced = evaluate({ country: "FR" });
    expect(traced.bucket).toBe("deep");
    expect(traced.trace.buckets[0]!.nodes.map((n) => n.path)).toEqual(["buckets[0].classifier", "buckets[0].classifier.value", "buckets[0].classifier.value.value"]);
  });
});

describe("a node object used at two places of one tree (a reused DSL segment)", () => {
  it("compiles once per place, so each place reports its own path", () => {
    const country = { __type: "context.string", name: "country" };
    const rule = {
      __type: "bool.any",
      value: [
        { __type: "comparison.eq", attribute: country, value: "FR" },
        { __type: "str.startswith", attribute: country, value: "D" },
      ],
    } as unknown as Classifier;
    const evaluate = compileTracer(model(rule), { featureKey: "f" });
    const paths = evaluate({}).trace.buckets[0]!.nodes.map((n) => n.path);
    expect(paths).toEqual(expect.arrayContaining(["buckets[0].classifier.value[0]", "buckets[0].classifier.value[1]"]));
    const unshared = JSON.parse(JSON.stringify(rule)) as Classifier;
    expect(compileFeature(model(rule), { featureKey: "f" }).evaluate({ country: 1 })).toEqual(compileFeature(model(unshared), { featureKey: "f" }).evaluate({ country: 1 }));
    // The second place's own path: a shared closure would report the first place's.
    expect(compileFeature(model(rule), { featureKey: "f" }).evaluate({ country: 1 }).errors.map((e) => e.path)).toEqual(
      compileFeature(model(unshared), { featureKey: "f" }).evaluate({ country: 1 }).errors.map((e) => e.path),
    );
    expect(evaluate({ country: "DE" }).trace.buckets[0]!.nodes.map((n) => [n.path, n.result])).toEqual([
      ["buckets[0].classifier", true],
      ["buckets[0].classifier.value[0]", false],
      ["buckets[0].classifier.value[1]", true],
    ]);
  });
});

describe("a deep tree compiled ahead in steps", () => {
  it("gives the same traces, paths and errors as the same tree without shared objects, around each step (61 and 125 put the shared attribute itself on one)", () => {
    const country = { __type: "context.string", name: "country" };
    const leaf = { __type: "bool.any", value: [
      { __type: "comparison.eq", attribute: country, value: "FR" },
      { __type: "str.startswith", attribute: country, value: "D" },
    ] } as unknown as Classifier;
    for (const levels of [61, 62, 63, 64, 65, 125, 200]) {
      let shared = leaf;
      for (let i = 0; i < levels; i++) shared = { __type: "bool.none", value: shared } as Classifier;
      const copy = JSON.parse(JSON.stringify(shared)) as Classifier;
      for (const ctx of [{ country: "DE" }, { country: 1 }, {}]) {
        const a = compileTracer(model(shared), { featureKey: "f" })(ctx);
        const b = compileTracer(model(copy), { featureKey: "f" })(ctx);
        expect([levels, a]).toEqual([levels, b]);
      }
    }
  });
});

/** Wrappers that leave a rule's outcome as it is, each with the path it puts above the wrapped rule. */
const IDENTITY_LAYERS = {
  all: { path: ".value[0]", wrap: (x: Classifier) => ({ __type: "bool.all", value: [x] }) },
  any: { path: ".value[0]", wrap: (x: Classifier) => ({ __type: "bool.any", value: [x] }) },
  "all with true": { path: ".value[0]", wrap: (x: Classifier) => ({ __type: "bool.all", value: [x, { __type: "bool.none", value: false }] }) },
  "any with false": { path: ".value[0]", wrap: (x: Classifier) => ({ __type: "bool.any", value: [x, { __type: "bool.none", value: true }] }) },
  "double negation": { path: ".value.value", wrap: (x: Classifier) => ({ __type: "bool.none", value: { __type: "bool.none", value: x } }) },
} as const;
type Layer = keyof typeof IDENTITY_LAYERS;
const layerArb = fc.constantFrom(...(Object.keys(IDENTITY_LAYERS) as Layer[]));

describe("a rule under many levels that change nothing", () => {
  it("answers as the rule alone, with the same errors at the paths the levels put above them (levels across several 64-call steps)", () => {
    const root = "buckets[0].classifier";
    fc.assert(
      fc.property(classifierArb, fc.array(layerArb, { minLength: 60, maxLength: 200 }), contextArb, (rule, layers, ctx) => {
        let wrapped = rule;
        let above = "";
        for (const layer of layers) {
          wrapped = IDENTITY_LAYERS[layer].wrap(wrapped) as Classifier;
          above = IDENTITY_LAYERS[layer].path + above;
        }
        const alone = compileFeature(model(rule), { featureKey: "f" }).evaluate(ctx);
        const deep = compileFeature(model(wrapped), { featureKey: "f" }).evaluate(ctx);
        expect({ value: deep.value, bucket: deep.bucket, reason: deep.reason }).toEqual({ value: alone.value, bucket: alone.bucket, reason: alone.reason });
        const moved = alone.errors.map((e) => ({ code: e.code, message: e.message, path: root + above + e.path.slice(root.length) }));
        expect(deep.errors.map((e) => ({ code: e.code, message: e.message, path: e.path }))).toEqual(moved);
      }),
      propertyOptions,
    );
  });

  it("traces every node of a 130-level tree once, at its depth, with its own result; an error names the leaf's full path", () => {
    const levels = 130;
    const evaluate = compileTracer(model(negations(levels)), { featureKey: "f" });
    const nodes = evaluate({ country: "FR" }).trace.buckets[0]!.nodes;
    expect(nodes.map((n) => [n.path, n.depth, n.evaluated, n.result])).toEqual(
      Array.from({ length: levels + 1 }, (_, depth) => [`buckets[0].classifier${".value".repeat(depth)}`, depth, true, (levels - depth) % 2 === 0]),
    );
    const failed = compileFeature(model(negations(levels)), { featureKey: "f" }).evaluate({});
    expect(failed.errors.map((e) => [e.code, e.path])).toEqual([["ATTRIBUTE_MISSING", `buckets[0].classifier${".value".repeat(levels)}.attribute`]]);
  });
});

describe("a missing context key's error", () => {
  const all = (...value: Classifier[]) => ({ __type: "bool.all", value }) as unknown as Classifier;
  const read = (tag: string, name: string, op: Classifier["__type"], value: unknown) => ({ __type: op, attribute: { __type: tag, name }, value }) as unknown as Classifier;
  it.each<[string, Classifier, string, string]>([
    ["context.string", all(read("context.string", "country", "comparison.eq", "FR")), "buckets[0].classifier.value[0].attribute", 'context attribute "country" is missing; expected a string'],
    ["context.number", all(read("context.string", "plan", "comparison.eq", "pro"), read("context.number", "seats", "comparison.gt", 2)), "buckets[0].classifier.value[1].attribute", 'context attribute "seats" is missing; expected a finite number'],
    ["context.boolean", read("context.boolean", "beta", "comparison.eq", true), "buckets[0].classifier.attribute", 'context attribute "beta" is missing; expected a boolean'],
    ["context.version", read("context.version", "appVersion", "semver.gte", "2.0.0"), "buckets[0].classifier.attribute", 'context attribute "appVersion" is missing; expected a SemVer version string'],
    ["context.timestamp", read("context.timestamp", "signedUp", "time.after", "2026-01-01T00:00:00Z"), "buckets[0].classifier.attribute", 'context attribute "signedUp" is missing; expected a timestamp'],
  ])("%s: built on the first miss with its path and message, then the same record", (_tag, rule, path, message) => {
    const compiled = compileFeature(model(rule), { featureKey: "f" });
    // The number case reads a present key first: the second node's path.
    const ctx = { plan: "pro" };
    const first = compiled.evaluate(ctx);
    const second = compiled.evaluate(ctx);
    expect(first.errors.map((e) => [e.code, e.path, e.message])).toEqual([["ATTRIBUTE_MISSING", path, message]]);
    expect(second.errors[0]).toBe(first.errors[0]);
  });
});
