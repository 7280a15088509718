import * as E from "fp-ts/Either";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BundleDecodeError, FeatureStore, bundleHash, decodeBundle, encodeBundle, OfflineFeature, type FeatureModel, type JsonValue } from "../../../runtime";

const pyof = (name: string): FeatureModel => OfflineFeature.loads(readFileSync(join(__dirname, "..", "..", "fixtures", "pyof", name), "utf8")).model;

/** A feature with one bucket on the session random, and the given values. */
function model(on: JsonValue, fallback: JsonValue): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: "on", classifier: { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.5 }, value: on }],
    default: fallback,
  };
}

function bundle(features: Record<string, FeatureModel>): JsonValue {
  return encodeBundle(features);
}

function right<A>(e: E.Either<unknown, A>): A {
  if (E.isLeft(e)) throw e.left;
  return e.right;
}

describe("FeatureStore", () => {
  test("fromBundle holds each feature by key, compiled; resolve finds them", () => {
    const store = right(FeatureStore.fromBundle(bundle({ a: model(true, false), b: model("x", "y") })));
    expect(store.keys()).toEqual(["a", "b"]);
    expect(store.resolve("a")?.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: true, bucket: "on", reason: "TARGETING_MATCH" });
    expect(store.resolve("missing")).toBeUndefined();
    expect(store.hash).toBe(bundleHash({ a: model(true, false), b: model("x", "y") }));
  });

  test("accepts JSON text and both PyOF forms inside a bundle", () => {
    const store = right(FeatureStore.fromBundle(JSON.stringify(bundle({ test: pyof("test.json"), map: pyof("test-values-map.json") }))));
    expect(store.resolve("map")?.evaluate({ hostname: "lenovo-7", sessionRandom: 0.5 })).toMatchObject({ bucket: "control", value: 42 });
    expect(store.resolve("test")?.evaluate({ hostname: "lenovo-7", sessionRandom: 0.5 })).toMatchObject({ bucket: "default", value: false });
  });

  test("a handle sees a replace; a missing key answers the fallback with reason ERROR", () => {
    const store = FeatureStore.empty();
    const handle = store.handle<boolean | string, "on">("a", false);
    const missing = handle.evaluate({ sessionRandom: 0.1 });
    expect(missing).toMatchObject({ value: false, bucket: "default", reason: "ERROR" });
    expect(missing.errors.map((e) => [e.code, e.message])).toEqual([["FLAG_NOT_FOUND", 'the feature store has no feature "a"; returning the generated default']]);

    expect(E.isRight(store.replace(bundle({ a: model(true, false) })))).toBe(true);
    expect(handle.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: true, bucket: "on", reason: "TARGETING_MATCH" });
    // Handles taken after a replace see the current feature too.
    expect(store.handle("a", false).evaluate({ sessionRandom: 0.9 })).toMatchObject({ value: false, reason: "DEFAULT" });

    right(store.replace(bundle({ a: model("new", "old") })));
    expect(handle.evaluate({ sessionRandom: 0.1 }).value).toBe("new");
    right(store.replace(bundle({ other: model(1, 2) })));
    expect(handle.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: false, reason: "ERROR" });
    expect(handle.feature).toBeUndefined();
  });

  test("a handle refuses a feature with buckets its generated types do not know", () => {
    const store = right(FeatureStore.fromBundle(bundle({ a: model(true, false) })));
    const typed = store.handle<boolean, "on" | "off">("a", false, ["on", "off"]);
    expect(typed.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: true, bucket: "on" });
    const renamed = model(true, false);
    right(store.replace(bundle({ a: { ...renamed, buckets: [{ ...renamed.buckets[0]!, name: "beta" }] } })));
    const details = typed.evaluate({ sessionRandom: 0.1 });
    expect(details).toMatchObject({ value: false, bucket: "default", reason: "ERROR" });
    expect(details.errors[0]?.code).toBe("TYPE_MISMATCH");
    expect(details.errors[0]?.message).toContain('has a bucket "beta" that the generated code does not know (expected one of "on", "off")');
    // An untyped handle takes it.
    expect(store.handle("a", false).evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: true, bucket: "beta" });
    right(store.replace(bundle({ a: model(true, false) })));
    expect(typed.evaluate({ sessionRandom: 0.1 })).toMatchObject({ value: true, bucket: "on" });
  });

  test("a bad bundle is refused whole and the last good contents stay", () => {
    const store = right(FeatureStore.fromBundle(bundle({ a: model(true, false) })));
    const handle = store.handle("a", false);
    const good = store.hash;
    const bad = bundle({ a: model("x", "y"), b: model(1, 2) }) as { features: Record<string, { buckets: { classifier: { __type: string } }[] }> };
    bad.features.b!.buckets[0]!.classifier.__type = "comparison.lt2";
    const result = store.replace(bad, "https://flags.example/bundle.json");
    expect(E.isLeft(result)).toBe(true);
    const error = (result as E.Left<BundleDecodeError>).left;
    expect(error).toBeInstanceOf(BundleDecodeError);
    expect(error.message).toContain("invalid feature bundle in https://flags.example/bundle.json:");
    expect(error.issues.map((i) => i.path)).toEqual(["features.b.buckets[0].classifier.__type"]);
    // Nothing changed, not even feature "a", which was valid in the refused bundle.
    expect(store.hash).toBe(good);
    expect(handle.evaluate({ sessionRandom: 0.1 }).value).toBe(true);
  });
});

describe("bundle decoding", () => {
  test("the hash covers the content: an edited bundle is refused", () => {
    const edited = bundle({ a: model(true, false) }) as { features: { a: { default: JsonValue } } };
    edited.features.a.default = true;
    const decoded = decodeBundle(edited);
    expect(E.isLeft(decoded) && decoded.left.issues[0]?.path).toBe("hash");
    expect(E.isLeft(decoded) && decoded.left.issues[0]?.message).toMatch(/^the content does not match the hash: expected sha256:[0-9a-f]{64}, found sha256:[0-9a-f]{64}/);
  });

  test("bundle text: the generator's text loads, the same text edited is refused, reordered keys still load", () => {
    const features = { a: model(true, false), b: model("x", "y") };
    const text = JSON.stringify(bundle(features));
    expect(right(decodeBundle(text)).hash).toBe(bundleHash(features));
    expect(right(decodeBundle(new TextEncoder().encode(text))).hash).toBe(bundleHash(features));
    const edited = decodeBundle(text.replace('"x"', '"z"'));
    expect(E.isLeft(edited) && edited.left.issues[0]?.path).toBe("hash");
    // Not the canonical text (keys in another order), so hashed the canonical way: same hash, accepted.
    const reverse = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const parsed = JSON.parse(text) as { format: string; hash: string; features: Record<string, object> };
    const reordered = JSON.stringify(reverse({ ...parsed, features: reverse({ a: reverse(parsed.features.a!), b: reverse(parsed.features.b!) }) }));
    expect(right(decodeBundle(reordered)).hash).toBe(bundleHash(features));
  });

  test("the hash does not depend on formatting or on the PyOF form", () => {
    const current = pyof("test-values-map.json");
    expect(bundleHash({ t: current })).toBe(bundleHash({ t: JSON.parse(JSON.stringify(current)) }));
    const text = JSON.stringify(bundle({ t: current }), null, 7);
    expect(E.isRight(decodeBundle(text))).toBe(true);
  });

  test("envelope, keys and JSON problems come back as Left with paths, never thrown", () => {
    const issues = (input: unknown) => {
      const d = decodeBundle(input);
      return E.isLeft(d) ? d.left.issues.map((i) => `${i.path}: ${i.message}`) : [];
    };
    expect(issues("{")).toEqual([expect.stringMatching(/^: invalid JSON/)]);
    expect(issues({ format: "offline-features/bundle@2", hash: "sha256:00", features: {} })[0]).toMatch(/^format: /);
    const okHash = bundleHash({});
    expect(issues({ format: "offline-features/bundle@1", hash: okHash, features: { "not a key": model(1, 2) } })).toEqual([
      expect.stringMatching(/^features\["not a key"\]: expected a feature key like "new-checkout"/),
    ]);
    const hostile = Object.defineProperty({}, "format", { enumerable: true, get: () => { throw new Error("gotcha"); } });
    expect(issues(hostile)[0]).toMatch(/could not read the document: gotcha/);
  });
});

describe("prerequisites through the store", () => {
  const gate = (bucket: string, dependency: string, on: string[]): FeatureModel => ({
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: bucket, classifier: { __type: "feature.in_bucket", feature: dependency, value: on }, value: true }],
    default: false,
  });

  it("a feature's prerequisite resolves to the store's copy of the other feature", () => {
    const store = right(FeatureStore.fromBundle(bundle({ beta: model("yes", "no"), checkout: gate("beta_users", "beta", ["on"]) })));
    expect(store.resolve("checkout")!.evaluate({ sessionRandom: 0.1 })).toMatchObject({ bucket: "beta_users", value: true, reason: "TARGETING_MATCH" });
    expect(store.resolve("checkout")!.evaluate({ sessionRandom: 0.9 })).toMatchObject({ bucket: "default", value: false, reason: "DEFAULT" });
  });

  it("a prerequisite naming a feature the bundle lacks is an error in the details, not a throw", () => {
    const store = right(FeatureStore.fromBundle(bundle({ checkout: gate("beta_users", "missing", ["on"]) })));
    const details = store.resolve("checkout")!.evaluate({});
    expect(details).toMatchObject({ bucket: "default", value: false, reason: "ERROR" });
    expect(details.errors[0]!.code).toBe("PREREQUISITE_ERROR");
  });

  it("refuses a bundle whose prerequisites form a cycle, naming it whole, and keeps the last good one", () => {
    const store = right(FeatureStore.fromBundle(bundle({ a: model(1, 0) })));
    const result = store.replace(bundle({ a: gate("x", "b", ["x"]), b: gate("y", "c", ["y"]), c: gate("z", "a", ["z"]) }));
    expect(E.isLeft(result) && result.left.message).toMatch(/prerequisites form a cycle: a → b → c → a/);
    expect(store.resolve("a")!.evaluate({ sessionRandom: 0.1 }).value).toBe(1);
  });
});
