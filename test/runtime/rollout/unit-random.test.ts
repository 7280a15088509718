import * as E from "fp-ts/Either";
import { ctx, feature, hostname, lt, sessionRandom, unitRandom } from "../../../dsl";
import { OfflineFeature } from "../../../runtime";
import { unitInterval } from "../../../runtime/hash";

const handWritten = (attribute: object) =>
  JSON.stringify({
    type: "offline-feature",
    buckets: [{ name: "on", classifier: { __type: "comparison.lt", attribute, value: 0.5 }, value: true }],
    default: false,
  });
const unitOf = (salt?: string) => ({ __type: "random.unit", attribute: { __type: "context.string", name: "userId" }, ...(salt === undefined ? {} : { salt }) });

describe("random.unit salts", () => {
  it("the DSL writes the feature key as the salt", () => {
    const f = feature("new_checkout").bucket("on", lt(unitRandom(ctx.string("userId")), 0.1), true).default(false);
    expect(f.model.buckets[0]!.classifier).toEqual({
      __type: "comparison.lt",
      attribute: { __type: "random.unit", attribute: { __type: "context.string", name: "userId" }, salt: "new_checkout" },
      value: 0.1,
    });
  });

  it("keeps an explicit salt, and fills nested and combined rules too", () => {
    const rule = unitRandom(ctx.string("userId"), "shared").lt(0.1).or(unitRandom(ctx.number("orgId")).lt(0.2).not());
    const json = JSON.stringify(feature("k").bucket("on", rule, true).default(false).toJSON());
    expect(json).toContain('"salt":"shared"');
    expect(json).toContain('"attribute":{"__type":"context.number","name":"orgId"},"salt":"k"');
  });

  it("hand-written JSON without a salt uses the key it is loaded with", () => {
    const withoutSalt = OfflineFeature.loads(handWritten(unitOf()), { key: "k" });
    const withSalt = OfflineFeature.loads(handWritten(unitOf("k")), { key: "other" });
    for (const userId of ["a", "b", "c", "d", "e", "f"]) {
      expect(withoutSalt.evaluate({ userId })).toEqual(withSalt.evaluate({ userId }));
    }
    expect(withoutSalt.getValue({ userId: "a" })).toBe(unitInterval("k:a") < 0.5);
  });

  it("without a salt or a key, the rule is an error that says so", () => {
    const f = OfflineFeature.loads(handWritten(unitOf()));
    const details = f.evaluate({ userId: "a" });
    expect(details.bucket).toBe("default");
    expect(details.errors.map((e) => [e.code, String(e)])).toEqual([
      ["ATTRIBUTE_ERROR", 'buckets[0].classifier.attribute: random.unit has no "salt" and the feature was loaded without a key to use instead'],
    ]);
  });

  it("refuses an empty salt at decode and in the DSL", () => {
    const decoded = OfflineFeature.decode(handWritten(unitOf("")), { key: "k" });
    expect(E.isLeft(decoded) && decoded.left.issues).toEqual([{ path: "buckets[0].classifier.attribute.salt", message: "expected a non-empty salt (leave it out to use the feature key)" }]);
    expect(() => feature("k").bucket("on", unitRandom(ctx.string("userId"), "").lt(0.1), true)).toThrow(/attribute\.salt: expected a non-empty salt/);
  });
});

describe("random.unit units", () => {
  const f = feature("rollout").bucket("on", lt(unitRandom(ctx.string("userId")), 1), true).default(false);

  it("a missing unit never gets a random number: every evaluation is the same error", () => {
    for (let i = 0; i < 50; i++) {
      const details = f.evaluate({} as { userId: string });
      expect(details.bucket).toBe("default");
      expect(details.errors.map((e) => e.code)).toEqual(["ATTRIBUTE_MISSING"]);
      expect(String(details.errors[0])).toBe('buckets[0].classifier.attribute.attribute: context attribute "userId" is missing; expected a string');
    }
  });

  it("an empty unit is treated as missing", () => {
    const details = f.evaluate({ userId: "" });
    expect(details.errors.map((e) => [e.code, String(e)])).toEqual([
      ["ATTRIBUTE_MISSING", "buckets[0].classifier.attribute.attribute: the rollout unit is the empty string; an empty id is treated as no id"],
    ]);
  });

  it("a unit of the wrong type is a type mismatch", () => {
    const bad = OfflineFeature.loads(handWritten({ __type: "random.unit", attribute: { __type: "context.boolean", name: "beta" }, salt: "s" }));
    expect(bad.evaluate({ beta: true }).errors.map((e) => [e.code, String(e)])).toEqual([
      ["TYPE_MISMATCH", "buckets[0].classifier.attribute.attribute: the rollout unit must be a string or a finite number, found a boolean (true)"],
    ]);
  });

  it("is memoized exactly when its unit is process-constant", () => {
    const perHost = feature("per_host").bucket("on", unitRandom(hostname()).lt(0.5), true).default(false);
    expect(perHost.evaluate()).toBe(perHost.evaluate());
    expect(perHost.evaluate({ hostname: "a" })).not.toBe(perHost.evaluate());
    const a = Array.from({ length: 40 }, (_, i) => perHost.getValue({ hostname: `host-${i}` }));
    expect(a).toContain(true);
    expect(a).toContain(false);
  });
});

describe("salted random.session", () => {
  it("hashes salt and session id when the context has one", () => {
    const f = feature("s").bucket("on", sessionRandom("promo").lt(0.5), true).default(false);
    for (const sessionId of ["a", "b", "c", "d"]) expect(f.getValue({ sessionId })).toBe(unitInterval(`promo:${sessionId}`) < 0.5);
  });

  it("keeps the unsalted number exactly as before: the hash of the bare session id", () => {
    const f = feature("s").bucket("on", sessionRandom().lt(0.5), true).default(false);
    for (const sessionId of ["a", "b", "c", "d"]) expect(f.getValue({ sessionId })).toBe(unitInterval(sessionId) < 0.5);
  });

  it("is fixed for the process without a session id, and pinned by sessionRandom", () => {
    const f = feature("s").bucket("on", sessionRandom("promo").lt(0.5), true).default(false);
    const first = f.evaluate();
    expect(f.evaluate()).toBe(first);
    expect(f.getValue({ sessionRandom: 0.25 })).toBe(true);
    expect(f.getValue({ sessionRandom: 0.75 })).toBe(false);
  });

  it("writes the salt only when given, so unsalted JSON is unchanged", () => {
    expect(sessionRandom().def).toEqual({ __type: "random.session" });
    expect(sessionRandom("promo").def).toEqual({ __type: "random.session", salt: "promo" });
  });
});
