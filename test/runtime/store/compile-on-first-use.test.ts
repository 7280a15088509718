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
