import * as E from "fp-ts/Either";
import { decodeFeature, encodeBundle, FeatureStore, OfflineFeature, type EvaluationContext, type FeatureModel } from "../../runtime";

/*
 * Input never reaches a prototype, and hostile contexts never make evaluation throw. After each
 * case, Object.prototype and the built-in prototypes hold exactly what they held before.
 */

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype, Map.prototype, Set.prototype];
const shape = () => PROTOTYPES.map((p) => Reflect.ownKeys(p).map(String).sort().join(","));
const before = shape();
afterEach(() => {
  expect(shape()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const POISON = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];
const bucket = (name: string, classifier: unknown, value: unknown) => ({ name, classifier, value });
const byContext = (name: string) => ({ __type: "comparison.eq", attribute: { __type: "context.string", name }, value: "x" });

describe("keys that name prototype members stay data", () => {
  it.each(POISON)("%s as a value key, a bucket name, a legacy values key and a context key", (key) => {
    const value = JSON.parse(`{"${key}": {"polluted": true}}`);
    const doc = `{"type":"offline-feature","buckets":[{"name":"${key}","classifier":${JSON.stringify(byContext("plan"))}}],"values":{"${key}": ${JSON.stringify(value)}},"default":${JSON.stringify(value)}}`;
    const feature = OfflineFeature.loads(doc, { key: "p" });
    expect(Object.keys(feature.getValueForBucket(key) as object)).toEqual([key]);
    expect(feature.evaluate(JSON.parse(`{"plan": "x", "${key}": {"polluted": true}}`) as EvaluationContext)).toMatchObject({ bucket: key, reason: "TARGETING_MATCH" });
    expect(feature.evaluate({})).toMatchObject({ bucket: "default", reason: "ERROR" });
    expect(JSON.parse(feature.dumps()).default).toEqual(value);
  });

  it.each(POISON.filter((k) => k !== "prototype"))("%s as a context attribute name is refused at decode (every object inherits it)", (key) => {
    const result = decodeFeature({ type: "offline-feature", buckets: [bucket("a", byContext(key), 1)], default: 0 });
    expect(E.isLeft(result) && result.left.issues[0]).toMatchObject({ path: "buckets[0].classifier.attribute.name" });
  });

  it.each(POISON)("%s as a feature key in a bundle is refused, not assigned", (key) => {
    const model = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [], default: 1 })).model;
    const features = JSON.parse(`{"${key}": ${JSON.stringify(model)}}`) as Record<string, FeatureModel>;
    const store = FeatureStore.empty();
    const result = store.replace(encodeBundle(features));
    // Feature keys must be identifiers; either way nothing lands on a prototype.
    if (E.isRight(result)) expect(store.resolve(key)?.model).toEqual(model);
    else expect(result.left.issues.length).toBeGreaterThan(0);
    expect(store.resolve("polluted")).toBeUndefined();
  });
});

describe("hostile contexts: evaluation never throws and reports the error", () => {
  const feature = OfflineFeature.loads(
    JSON.stringify({
      type: "offline-feature",
      buckets: [
        bucket("s", byContext("plan"), 1),
        bucket("n", { __type: "comparison.gt", attribute: { __type: "context.number", name: "age" }, value: 1 }, 2),
        bucket("r", { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^(a+)+$" }, 3),
      ],
      default: 0,
    }),
    { key: "h" },
  );
  const throwingEverywhere = new Proxy(
    {},
    Object.fromEntries(["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "defineProperty", "set", "deleteProperty", "isExtensible", "preventExtensions", "setPrototypeOf", "apply", "construct"].map((trap) => [trap, () => { throw new Error(`trap ${trap}`); }])),
  );
  const getterThrows = Object.defineProperty({}, "plan", { get: () => { throw new Error("getter"); }, enumerable: true });

  it.each([
    ["a Proxy that throws on every trap", throwingEverywhere],
    ["a getter that throws", getterThrows],
    ["symbols and BigInt at every key", { plan: Symbol("x"), age: 10n, hostname: Symbol("h") }],
    ["a 10 MB string at every key", { plan: "a".repeat(10_000_000), age: "a".repeat(10_000_000), hostname: "a".repeat(10_000_000) + "!" }],
    ["a frozen object", Object.freeze({ plan: "y", age: 0 })],
    ["wrong types at every key", { plan: 1, age: "1", hostname: 7 }],
    ["functions and nested objects", { plan: () => "x", age: { valueOf: (): number => 5 }, hostname: ["a"] }],
    ["an object without a prototype", Object.assign(Object.create(null) as object, { plan: "x" })],
  ])("%s", (_name, ctx) => {
    const details = feature.evaluate(ctx as EvaluationContext);
    expect(["TARGETING_MATCH", "DEFAULT", "ERROR"]).toContain(details.reason);
    if (details.reason === "ERROR") expect(details.errors.length).toBeGreaterThan(0);
    expect(Object.isFrozen(details)).toBe(true);
  }, 20_000);
});

describe("decoding hostile parsed values", () => {
  it("a Proxy document is an error with a path, never a throw", () => {
    const proxy = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
    const result = decodeFeature(proxy);
    expect(E.isLeft(result) && result.left.issues[0]!.path).toBe("");
  });
});
