import * as E from "fp-ts/Either";
import { OfflineFeature, type FeatureOptions } from "../../runtime";
import { MAX_PREREQUISITE_DEPTH } from "../../runtime/compile/prerequisite-depth";

const gate = JSON.stringify({
  type: "offline-feature",
  buckets: [
    { name: "eu", classifier: { __type: "comparison.in", attribute: { __type: "context.string", name: "country" }, value: ["FR", "DE"] }, value: "eu" },
    { name: "us", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "US" }, value: "us" },
  ],
  default: "elsewhere",
});

const dependent = (feature: string, buckets: string[]) =>
  JSON.stringify({
    type: "offline-feature",
    buckets: [{ name: "on", classifier: { __type: "feature.in_bucket", feature, value: buckets }, value: true }],
    default: false,
  });

/** A store in miniature: features by key, resolved lazily. */
function store() {
  const features = new Map<string, OfflineFeature>();
  const resolve = (key: string) => features.get(key);
  const load = (key: string, json: string, options: FeatureOptions = {}) => {
    const f = OfflineFeature.loads(json, { key, resolve, ...options });
    features.set(key, f);
    return f;
  };
  return { features, resolve, load };
}

describe("feature.in_bucket", () => {
  const { load } = store();
  load("gate", gate);
  const inEu = load("in_eu", dependent("gate", ["eu"]));
  const notListed = load("elsewhere", dependent("gate", ["default"]));

  it("matches when the prerequisite lands in a listed bucket", () => {
    expect(inEu.evaluate({ country: "FR" })).toMatchObject({ bucket: "on", reason: "TARGETING_MATCH", errors: [] });
  });

  it("does not match when it lands elsewhere", () => {
    expect(inEu.evaluate({ country: "US" })).toMatchObject({ bucket: "default", reason: "DEFAULT", errors: [] });
  });

  it("may name the prerequisite's default bucket", () => {
    expect(notListed.getValue({ country: "JP" })).toBe(true);
    expect(notListed.getValue({ country: "DE" })).toBe(false);
  });

  it("reports an error inside the prerequisite as PREREQUISITE_ERROR, and does not match", () => {
    const details = inEu.evaluate({});
    expect(details).toMatchObject({ bucket: "default", reason: "ERROR" });
    expect(details.errors.map((e) => [e.code, String(e)])).toEqual([
      ["PREREQUISITE_ERROR", 'buckets[0].classifier: prerequisite feature "gate" failed: buckets[0].classifier.attribute: context attribute "country" is missing; expected a string'],
    ]);
  });

  it("reports a missing prerequisite", () => {
    const { load: loadAlone } = store();
    const orphan = loadAlone("orphan", dependent("nowhere", ["on"]));
    expect(orphan.evaluate().errors.map(String)).toEqual(['buckets[0].classifier: prerequisite feature "nowhere" was not found']);
    const unresolved = OfflineFeature.loads(dependent("gate", ["eu"]), { key: "x" });
    expect(unresolved.evaluate({ country: "FR" }).errors.map((e) => e.message)).toEqual(['prerequisite feature "gate" was not found (the feature was loaded without a resolver)']);
  });

  it("resolves on each evaluation, so a replaced prerequisite is seen at once", () => {
    const s = store();
    s.load("gate", gate);
    const f = s.load("f", dependent("gate", ["us"]));
    expect(f.getValue({ country: "US" })).toBe(true);
    s.load("gate", JSON.stringify({ type: "offline-feature", buckets: [], default: "off" }));
    expect(f.getValue({ country: "US" })).toBe(false);
  });

  it("chains the messages of nested prerequisite failures", () => {
    const s = store();
    s.load("gate", gate);
    s.load("middle", dependent("gate", ["eu"]));
    const top = s.load("top", dependent("middle", ["on"]));
    expect(top.evaluate({}).errors.map((e) => e.message)).toEqual([
      'prerequisite feature "middle" failed: prerequisite feature "gate" failed: buckets[0].classifier.attribute: context attribute "country" is missing; expected a string',
    ]);
  });
});

describe("dependency cycles", () => {
  it("are rejected at load, naming the whole cycle at the prerequisite that starts it", () => {
    const s = store();
    s.load("a", dependent("b", ["on"]));
    s.load("b", dependent("c", ["on"]));
    const decoded = OfflineFeature.decode(dependent("a", ["on"]), { key: "c", resolve: s.resolve });
    expect(E.isLeft(decoded) && decoded.left.issues).toEqual([{ path: "buckets[0].classifier", message: "dependency cycle: c → a → b → c" }]);
    expect(() => s.load("c", dependent("a", ["on"]))).toThrow("invalid offline feature in feature \"c\":\nbuckets[0].classifier: dependency cycle: c → a → b → c");
  });

  it("include a feature that depends on itself", () => {
    const decoded = OfflineFeature.decode(dependent("self", ["on"]), { key: "self" });
    expect(E.isLeft(decoded) && decoded.left.issues).toEqual([{ path: "buckets[0].classifier", message: "dependency cycle: self → self" }]);
  });

  it("that appear only later, through the resolver, stop at the depth limit instead of overflowing the stack", () => {
    const s = store();
    // Each is loaded before the other exists, so neither load can see the cycle.
    const a = OfflineFeature.loads(dependent("b", ["on"]), { key: "a", resolve: s.resolve });
    const b = OfflineFeature.loads(dependent("a", ["on"]), { key: "b", resolve: s.resolve });
    s.features.set("a", a);
    s.features.set("b", b);
    const details = a.evaluate();
    expect(details).toMatchObject({ bucket: "default", reason: "ERROR" });
    expect(details.errors.map((e) => e.code)).toEqual(["PREREQUISITE_ERROR"]);
    expect(details.errors[0]!.message).toMatch(new RegExp(`prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} features at "[ab]"; is there a dependency cycle\\?$`));
    // The depth counter is back to zero: an unrelated evaluation is unaffected.
    expect(a.evaluate()).toEqual(details);
  });
});

describe("prerequisite chains", () => {
  function chain(length: number) {
    const s = store();
    s.load("f0", JSON.stringify({ type: "offline-feature", buckets: [{ name: "on", classifier: { __type: "bool.all", value: [] }, value: true }], default: false }));
    for (let i = 1; i < length; i++) s.load(`f${i}`, dependent(`f${i - 1}`, ["on"]));
    return s.features.get(`f${length - 1}`)!;
  }

  it(`evaluate through ${MAX_PREREQUISITE_DEPTH} nested prerequisites`, () => {
    expect(chain(MAX_PREREQUISITE_DEPTH + 1).evaluate()).toMatchObject({ bucket: "on", errors: [] });
  });

  it("fail with PREREQUISITE_ERROR one level deeper, never with a stack overflow", () => {
    const details = chain(MAX_PREREQUISITE_DEPTH + 2).evaluate();
    expect(details.bucket).toBe("default");
    expect(details.errors.map((e) => e.code)).toEqual(["PREREQUISITE_ERROR"]);
    expect(details.errors[0]!.message).toContain(`prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} features`);
  });

  it("of hundreds of features still answer without throwing", () => {
    expect(chain(500).evaluate().errors.map((e) => e.code)).toEqual(["PREREQUISITE_ERROR"]);
  });
});
