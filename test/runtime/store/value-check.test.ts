import * as E from "fp-ts/Either";
import { FeatureStore, encodeBundle, t, type FeatureModel, type JsonValue } from "../../../runtime";

/*
 * Types enforced at load: a store that knows a key's value codec (generated getters register
 * theirs through `store.handle`) refuses a bundle whose values for that key do not fit, whole.
 */

const Banner = t.type({ text: t.string, color: t.union([t.literal("blue"), t.literal("red")]) }, "Banner");

function model(on: JsonValue, fallback: JsonValue): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: "on", classifier: { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.5 }, value: on }],
    default: fallback,
  };
}

const good = model({ text: "Hello", color: "blue" }, { text: "Welcome", color: "red" });

function storeWithBanner() {
  const store = FeatureStore.empty();
  const handle = store.handle<t.TypeOf<typeof Banner>, "on">("home_banner", { text: "generated", color: "red" }, ["on"], Banner);
  expect(E.isRight(store.replace(encodeBundle({ home_banner: good })))).toBe(true);
  return { store, handle };
}

function refusal(store: FeatureStore, features: Record<string, FeatureModel>): string[] {
  const result = store.replace(encodeBundle(features), "bundles/next.json");
  if (E.isRight(result)) throw new Error("expected the bundle to be refused");
  return result.left.issues.map((i) => `${i.path}: ${i.message}`);
}

describe("values checked on replace", () => {
  it.each<[string, JsonValue, JsonValue, string[]]>([
    ["a number for an object", 12, { text: "Welcome", color: "red" }, ["features.home_banner.buckets[0].value: expected Banner, found 12"]],
    [
      "a property of the wrong type",
      { text: 12, color: "blue" },
      { text: "Welcome", color: "red" },
      ['features.home_banner.buckets[0].value: expected Banner, found {"color":"blue","text":12} (text: expected string, found 12)'],
    ],
    [
      "a literal outside the union, in the default",
      { text: "Hello", color: "blue" },
      { text: "Welcome", color: "green" },
      ['features.home_banner.default: expected Banner, found {"color":"green","text":"Welcome"} (color: expected ("blue" | "red"), found "green")'],
    ],
    [
      "a missing property, and null for the default",
      { color: "blue" },
      null,
      ['features.home_banner.buckets[0].value: expected Banner, found {"color":"blue"} (text: expected string, found nothing)', "features.home_banner.default: expected Banner, found null"],
    ],
  ])("%s: refused with the JSON path and the expected type", (_name, on, fallback, expected) => {
    const { store } = storeWithBanner();
    expect(refusal(store, { home_banner: model(on, fallback) })).toEqual(expected);
  });

  it("refuses the whole bundle and keeps serving the previous one (other features included)", () => {
    const { store, handle } = storeWithBanner();
    const before = store.hash;
    const result = store.replace(encodeBundle({ home_banner: model(12, { text: "x", color: "red" }), other: model(1, 2) }), "bundles/next.json");
    expect(E.isLeft(result) && result.left.message).toBe("invalid feature bundle in bundles/next.json:\nfeatures.home_banner.buckets[0].value: expected Banner, found 12");
    expect(store.hash).toBe(before);
    expect(store.keys()).toEqual(["home_banner"]);
    expect(handle.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: { text: "Hello", color: "blue" }, bucket: "on", reason: "TARGETING_MATCH" });
  });

  it("keys without a registered codec, and extra properties, are accepted", () => {
    const { store } = storeWithBanner();
    const result = store.replace(encodeBundle({ home_banner: model({ text: "Hi", color: "blue", extra: [1] }, { text: "W", color: "red" }), untyped: model(12, "x") }));
    expect(E.isRight(result)).toBe(true);
  });

  it("a feature held before its codec was registered answers the generated default with TYPE_MISMATCH", () => {
    const store = FeatureStore.empty();
    expect(E.isRight(store.replace(encodeBundle({ home_banner: model(12, { text: "W", color: "red" }) })))).toBe(true);
    const handle = store.handle("home_banner", { text: "generated", color: "red" }, ["on"], Banner);
    const details = handle.evaluate({ sessionRandom: 0.1 });
    expect(details).toMatchObject({ value: { text: "generated", color: "red" }, bucket: "default", reason: "ERROR" });
    expect(details.errors.map((e) => e.code)).toEqual(["TYPE_MISMATCH"]);
    expect(details.errors[0]!.message).toContain("features.home_banner.buckets[0].value: expected Banner, found 12");
    // From now on the store checks the key itself: the same bundle is refused.
    expect(E.isLeft(store.replace(encodeBundle({ home_banner: model(13, { text: "W", color: "red" }) })))).toBe(true);
    expect(E.isRight(store.replace(encodeBundle({ home_banner: good })))).toBe(true);
    expect(handle.evaluate({ sessionRandom: 0.1 }).value).toEqual({ text: "Hello", color: "blue" });
  });

  it("a codec that throws counts as a misfit, never as a throw from replace", () => {
    const store = FeatureStore.empty();
    const throwing = new t.Type<unknown>("Thrower", (_u): _u is unknown => true, () => { throw new Error("boom"); }, t.identity);
    store.handle("a", 0, ["on"], throwing);
    expect(refusal(store, { a: model(1, 2) })).toEqual(["features.a.buckets[0].value: expected Thrower; checking the value threw boom", "features.a.default: expected Thrower; checking the value threw boom"]);
  });
});
