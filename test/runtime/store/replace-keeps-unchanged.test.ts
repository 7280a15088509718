import * as E from "fp-ts/Either";
import { FeatureStore, encodeBundle, type FeatureModel, type JsonValue } from "../../../runtime";

/*
 * A replace keeps a feature it holds unchanged, once that feature has compiled, so a live update
 * of some features leaves the others' compiled (and optimized) closures in place. A feature whose
 * answer can depend on the rest of the bundle (a prerequisite) is always built anew.
 */

function split(cut: number, on: JsonValue = "on"): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: "on", classifier: { __type: "comparison.lt", attribute: { __type: "context.number", name: "n" }, value: cut }, value: on }],
    default: "off",
  };
}

const dependent: FeatureModel = {
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [{ name: "yes", classifier: { __type: "feature.in_bucket", feature: "gate", value: ["on"] }, value: true }],
  default: false,
};

function replaced(store: FeatureStore, features: Record<string, FeatureModel>): void {
  const done = store.replace(JSON.stringify(encodeBundle(features)));
  if (E.isLeft(done)) throw done.left;
}

describe("FeatureStore.replace and features it already holds", () => {
  it("keeps an evaluated feature the bundle holds unchanged, and builds the changed one anew", () => {
    const store = FeatureStore.empty();
    replaced(store, { kept: split(5), changed: split(5) });
    const [kept, changed] = [store.resolve("kept")!, store.resolve("changed")!];
    kept.evaluate({ n: 1 });
    changed.evaluate({ n: 1 });
    replaced(store, { kept: split(5), changed: split(3) });
    expect([store.resolve("kept") === kept, store.resolve("changed") === changed, store.resolve("changed")!.evaluate({ n: 4 }).value]).toEqual([true, false, "off"]);
  });

  it("tells change listeners only the keys that changed", () => {
    const store = FeatureStore.empty();
    replaced(store, { a: split(5), b: split(5, "b") });
    store.resolve("a")!.evaluate({ n: 1 });
    const heard: string[][] = [];
    store.onChange((change) => heard.push([...change.keys]));
    replaced(store, { a: split(5), b: split(5, "b2") });
    expect(heard).toEqual([["b"]]);
  });

  it("gives a feature without a prerequisite no resolver, so a kept feature holds no earlier bundle's features", () => {
    const store = FeatureStore.empty();
    replaced(store, { gate: split(5), dependent });
    // A resolver closes over the map of features of its replace; the dependent needs its own.
    expect([store.resolve("gate")!.compileOptions.resolve, typeof store.resolve("dependent")!.compileOptions.resolve]).toEqual([undefined, "function"]);
  });

  it("builds a feature with a prerequisite anew, so it reads the new bundle's prerequisite", () => {
    const store = FeatureStore.empty();
    replaced(store, { gate: split(5), dependent });
    const before = store.resolve("dependent")!;
    const answers = [before.evaluate({ n: 4 }).value];
    replaced(store, { gate: split(3), dependent });
    answers.push(store.resolve("dependent")!.evaluate({ n: 4 }).value);
    expect([store.resolve("dependent") === before, ...answers]).toEqual([false, true, false]);
  });
});
