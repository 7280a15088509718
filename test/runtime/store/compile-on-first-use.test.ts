import * as E from "fp-ts/Either";
import { FeatureStore, encodeBundle, type FeatureModel } from "../../../runtime";

/*
 * A store compiles each feature on its first evaluation (runtime/offline-feature.ts), so loading
 * 10,000 features for requests that touch 20 compiles 20. What a feature promises "at load" stays
 * at load: refusals (decode, cycles) and an environment variable's value.
 */

const NAME = "OFFLINE_FEATURES_TEST_COMPILE_ON_FIRST_USE";

const envFeature: FeatureModel = {
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [{ name: "on", classifier: { __type: "comparison.eq", attribute: { __type: "process.env", name: NAME }, value: "at load" }, value: true }],
  default: false,
};

const prerequisite = (key: string, on: string): FeatureModel => ({
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [{ name: "on", classifier: { __type: "feature.in_bucket", feature: on, value: ["on"] }, value: key }],
  default: "off",
});

function load(features: Record<string, FeatureModel>): E.Either<unknown, FeatureStore> {
  return FeatureStore.fromBundle(JSON.stringify(encodeBundle(features)));
}

describe("a store's features compile on first evaluation", () => {
  afterEach(() => {
    delete process.env[NAME];
  });

  it("still reads an environment variable when the bundle loads, not when the feature is first evaluated", () => {
    process.env[NAME] = "at load";
    const store = load({ env: envFeature });
    process.env[NAME] = "later";
    if (E.isLeft(store)) throw store.left;
    expect(store.right.resolve("env")!.evaluate().bucket).toBe("on");
  });

  it("still refuses a prerequisite cycle at load", () => {
    const store = load({ a: prerequisite("a", "b"), b: prerequisite("b", "a") });
    expect(E.isLeft(store) && String(store.left)).toMatch(/prerequisites form a cycle: a → b → a/);
  });

  // The decoder notes prerequisites and attributes read at load as it walks (runtime/decode/unchanged.ts), so the loader
  // skips its own walks for features without them: one nested deep, under a random unit's unit, is still found.
  it("finds a prerequisite or an environment variable however deep the decoder met it", () => {
    const nested = (key: string, on: string): FeatureModel => {
      const inner = prerequisite(key, on).buckets[0]!.classifier;
      return { ...prerequisite(key, on), buckets: [{ name: "on", classifier: { __type: "bool.any", value: [{ __type: "bool.none", value: { __type: "bool.all", value: [inner] } }] }, value: key }] };
    };
    const cycle = load({ plain: { ...envFeature, buckets: [] }, a: nested("a", "b"), b: nested("b", "a") });
    expect(E.isLeft(cycle) && String(cycle.left)).toMatch(/prerequisites form a cycle: a → b → a/);
    const unit = { __type: "random.unit", attribute: { __type: "process.env", name: NAME } } as const;
    process.env[NAME] = "at load";
    const store = load({ env: { ...envFeature, buckets: [{ name: "on", classifier: { __type: "comparison.lt", attribute: unit, value: 2 }, value: true }] } });
    delete process.env[NAME];
    if (E.isLeft(store)) throw store.left;
    // Compiled at load: the unit was there then, so the rollout draws rather than failing on a missing variable.
    expect(store.right.resolve("env")!.evaluate()).toMatchObject({ bucket: "on", errors: [] });
  });

  it("answers the same on the first evaluation and after, with the same record", () => {
    const store = load({ gate: { ...prerequisite("gate", "gate"), buckets: [] }, dependent: prerequisite("dependent", "gate") });
    if (E.isLeft(store)) throw store.left;
    const dependent = store.right.resolve("dependent")!;
    const first = dependent.evaluate();
    expect(first).toMatchObject({ value: "off", bucket: "default", reason: "DEFAULT" });
    expect(dependent.evaluate()).toBe(dependent.evaluate());
    expect(dependent.evaluate()).toBe(first);
  });
});
