import * as E from "fp-ts/Either";
import { c, ctx, feature, hostname, lt, staticNumber, DefinitionError } from "../../dsl";
import { decodeFeature, FeatureStore, OfflineFeature, encodeBundle } from "../../runtime";

// Cases an independent review found; each once broke a promise the README makes.

const json = (buckets: unknown[], fallback: unknown = false) => JSON.stringify({ type: "offline-feature", buckets, default: fallback });

describe("evaluation never throws", () => {
  const unprintable = () => {
    const thrown = Object.create(null) as object; // String(thrown) throws: no toString
    return Object.defineProperty({}, "hostname", {
      get() {
        throw thrown;
      },
    });
  };

  it("when a context getter throws something that cannot even be printed (memoized feature)", () => {
    const f = feature("m").bucket("len", hostname().regex("^len"), 1).default(0);
    const details = f.evaluate(unprintable());
    expect(details).toMatchObject({ bucket: "default", value: 0, reason: "ERROR" });
    expect(details.errors[0]!.message).toBe("evaluation threw: a value that cannot be printed");
  });

  it("and the buckets after the one that threw are still tried", () => {
    const f = feature("n").bucket("a", hostname().regex("^len"), 1).bucket("c", ctx.string("plan").eq("pro"), 2).default(0);
    const hostile = Object.assign(unprintable(), { plan: "pro" });
    expect(f.evaluate(hostile as never)).toMatchObject({ bucket: "c", value: 2, reason: "TARGETING_MATCH" });
  });

  it("with a null context from JavaScript callers, memoized or not", () => {
    const memoized = feature("m").bucket("a", staticNumber(1).lt(2), 1).default(0);
    const targeted = feature("t").bucket("a", ctx.string("plan").eq("pro"), 1).default(0);
    expect(memoized.evaluate(null as never)).toMatchObject({ bucket: "a", reason: "TARGETING_MATCH" });
    expect(targeted.evaluate(null as never)).toMatchObject({ bucket: "default", reason: "ERROR" });
  });
});

describe("values survive as data", () => {
  it('a "__proto__" key in a value is kept by dumps, as evaluation returns it', () => {
    const text = '{"type":"offline-feature","buckets":[],"default":{"__proto__":{"x":1},"a":2}}';
    const g = OfflineFeature.loads(text);
    expect(JSON.parse(g.dumps()).default).toEqual(JSON.parse('{"__proto__":{"x":1},"a":2}'));
    expect(Object.keys(g.getValue() as object)).toEqual(["__proto__", "a"]);
  });

  it("returned values and the model are frozen: one caller cannot change what the next one gets", () => {
    const f = OfflineFeature.loads(json([], { n: 1, list: [1] }));
    const value = f.getValue() as { n: number; list: number[] };
    expect(() => {
      value.n = 42;
    }).toThrow(TypeError);
    expect(() => value.list.push(2)).toThrow(TypeError);
    expect(Object.isFrozen(f.model.buckets)).toBe(true);
    expect(f.getValue()).toEqual({ n: 1, list: [1] });
  });

  it("a sparse array is refused rather than written as nulls", () => {
    const result = decodeFeature({ type: "offline-feature", buckets: [], default: [1, , 3] });
    expect(E.isLeft(result) && result.left.issues[0]!.message).toMatch(/found a hole in a sparse array/);
  });

  it("a huge in-memory array is refused without walking it", () => {
    const result = decodeFeature({ type: "offline-feature", buckets: [], default: new Array(2 ** 28) });
    expect(E.isLeft(result) && result.left.issues[0]!.message).toMatch(/more than 2000000 values/);
  });
});

describe("names that plain objects treat specially", () => {
  it('"__proto__" is not a feature key, and a bundle keeps every key it is given', () => {
    expect(() => feature("__proto__")).toThrow(/the feature key "__proto__" is reserved/);
    const model = OfflineFeature.loads(json([])).model;
    const bundle = encodeBundle({ constructor: model, toString: model }) as { features: object };
    expect(Object.keys(bundle.features)).toEqual(["constructor", "toString"]);
    const store = FeatureStore.fromBundle(bundle);
    expect(E.isRight(store) && store.right.keys()).toEqual(["constructor", "toString"]);
    // A key that is absent resolves to nothing, not to an inherited member.
    const empty = FeatureStore.fromBundle(encodeBundle({}));
    expect(E.isRight(empty) && [empty.right.resolve("constructor"), empty.right.resolve("hasOwnProperty")]).toEqual([undefined, undefined]);
  });

  it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])("a context attribute may not be named %j (it would read an inherited member)", (name) => {
    expect(() => ctx.string(name)).toThrow(DefinitionError);
    const decoded = decodeFeature(json([{ name: "a", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name }, value: "x" } }]));
    expect(E.isLeft(decoded) && decoded.left.issues[0]!.message).toMatch(/reserved: every JavaScript object inherits/);
  });

  it("ambient override names are refused in JSON too, not only by the DSL", () => {
    const decoded = decodeFeature(json([{ name: "a", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "hostname" }, value: "x" } }]));
    expect(E.isLeft(decoded) && decoded.left.issues[0]).toEqual({
      path: "buckets[0].classifier.attribute.name",
      message: 'the context attribute name "hostname" is reserved for the ambient override of the same name',
    });
  });
});

describe("literals JSON cannot carry", () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])("staticNumber(%d) is refused when the bucket is defined", (n) => {
    expect(() => feature("n").bucket("a", lt(staticNumber(n), 1), 1)).toThrow(/expected a finite number/);
  });

  it("and an always-true catch-all still works", () => {
    expect(feature("ok").bucket("all", c.always(), 1).default(0).getValue()).toBe(1);
  });
});
