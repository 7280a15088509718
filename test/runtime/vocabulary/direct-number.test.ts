import { OfflineFeature, evaluateWithTrace } from "../../../runtime";

/*
 * Orderings over an attribute with a `numberKey` (random.session, context.number) read the key
 * themselves and fall back to the getter for anything else (runtime/vocabulary/classifiers/shapes/
 * ordering.ts). A traced evaluation compiles without that shortcut (every read goes through the
 * getter, so the trace sees it), so the two must agree on every value, in range or not.
 */
const OPS = ["comparison.lt", "comparison.lte", "comparison.gt", "comparison.gte"] as const;
const ATTRIBUTES = [
  ["context.number", { __type: "context.number", name: "n" }, "n"],
  ["random.session", { __type: "random.session" }, "sessionRandom"],
  ["random.session salted", { __type: "random.session", salt: "s" }, "sessionRandom"],
] as const;
const GIVEN: readonly unknown[] = [0, 0.25, 0.5, 0.999, -0.1, 1, 1.5, -7, 1e308, Infinity, -Infinity, NaN, -Number.MAX_VALUE, "0.3", null, true, undefined];

describe("orderings that read a number key themselves answer as the getter does", () => {
  const cases = OPS.flatMap((op) => ATTRIBUTES.map(([kind, attribute, key]) => [op, kind, attribute, key] as const));

  it.each(cases)("%s over %s", (op, _kind, attribute, key) => {
    const feature = OfflineFeature.loads(
      JSON.stringify({ type: "offline-feature", buckets: [{ name: "yes", classifier: { __type: op, attribute, value: 0.5 }, value: true }], default: false }),
      { key: "direct" },
    );
    const summary = (d: { value: unknown; bucket: string; reason: string; errors: readonly { code: string; message: string }[] }) => [d.value, d.bucket, d.reason, d.errors.map((e) => `${e.code} ${e.message}`)];
    for (const given of GIVEN) {
      const ctx = given === undefined ? { sessionId: "abc" } : { [key]: given, sessionId: "abc" };
      expect([given, summary(feature.evaluate(ctx as never))]).toEqual([given, summary(evaluateWithTrace(feature, ctx as never))]);
    }
    // The in-range numbers compare: 0.25 < 0.5 holds for lt, 0.999 > 0.5 for gt.
    const inRange = feature.evaluate({ [key]: 0.25, sessionId: "abc" } as never).value;
    expect(inRange).toBe(op === "comparison.lt" || op === "comparison.lte");
  });
});
