import { OfflineFeature, evaluateWithTrace } from "../../../runtime";
import { expectAgreesWithTrace } from "../../support/agrees-with-trace";

/*
 * Orderings read the number themselves: over random.session (a `numberKey`) they read its test pin
 * and fall back to the getter for anything else (runtime/vocabulary/classifiers/shapes/ordering.ts);
 * over context.number (a `contextKey`) one closure reads the key, compares, and builds the getter's
 * errors itself (shapes/context-number-order.ts). A traced evaluation compiles without either
 * shortcut (every read goes through the getter, so the trace sees it), so they must agree on every
 * value, in range or not.
 */
const OPS = ["comparison.lt", "comparison.lte", "comparison.gt", "comparison.gte"] as const;
const ATTRIBUTES = [
  ["context.number", { __type: "context.number", name: "n" }, "n"],
  ["random.session", { __type: "random.session" }, "sessionRandom"],
  ["random.session salted", { __type: "random.session", salt: "s" }, "sessionRandom"],
] as const;
const GIVEN: readonly unknown[] = [0, 0.25, 0.5, 0.999, -0.1, 1, 1.5, -7, 1e308, Infinity, -Infinity, NaN, -Number.MAX_VALUE, "0.3", null, true, undefined];

describe("orderings that read a number themselves (a number key, a context key) answer as the getter does", () => {
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

describe("orderings over a context number answer as the getter does, in one closure", () => {
  const rule = (op: string, name = "n", value = 0.5) => ({ __type: op, attribute: { __type: "context.number", name }, value });
  const load = (classifier: object) =>
    OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "yes", classifier, value: true }], default: false }), { key: "direct" });

  it.each(OPS)("%s: answers, error codes, paths and messages, below a junction", (op) => {
    expectAgreesWithTrace(rule(op), "n", GIVEN);
  });

  it("reports a missing key with one error record, kept, and a value of another type as a mismatch at the attribute", () => {
    const feature = load(rule("comparison.gte", "age", 18));
    expect(feature.evaluate({ age: 21 } as never)).toMatchObject({ value: true, errors: [] });
    expect(feature.evaluate({ age: 17.5 } as never)).toMatchObject({ value: false, reason: "DEFAULT", errors: [] });
    const missing = feature.evaluate({} as never);
    expect(missing).toMatchObject({ reason: "ERROR", errors: [{ code: "ATTRIBUTE_MISSING", path: "buckets[0].classifier.attribute" }] });
    expect(feature.evaluate({} as never).errors[0]).toBe(missing.errors[0]);
    expect(feature.evaluate({ age: NaN } as never).errors[0]).toMatchObject({ code: "TYPE_MISMATCH", message: 'context attribute "age" must be a finite number, found a number (NaN)' });
  });

  it("reads the key once per evaluation, whatever it holds", () => {
    const feature = load(rule("comparison.lt"));
    for (const held of [0.25, "0.25", undefined]) {
      let reads = 0;
      const ctx = { get n() { reads++; return held; } };
      feature.evaluate(ctx as never);
      expect([held, reads]).toEqual([held, 1]);
    }
  });

  it("keeps keys and operators apart past the number of closure copies", () => {
    // 4 operators × 5 keys: more pairs than copies, so copies are shared and must still compare their own key.
    const features = OPS.flatMap((op) => ["a", "b", "c", "d", "e"].map((name) => [op, name, load(rule(op, name))] as const));
    const ctx = { a: 0.1, b: 0.5, c: 0.9, d: -3, e: 7 };
    const holds = { "comparison.lt": (x: number) => x < 0.5, "comparison.lte": (x: number) => x <= 0.5, "comparison.gt": (x: number) => x > 0.5, "comparison.gte": (x: number) => x >= 0.5 };
    for (const [op, name, feature] of features) expect([op, name, feature.evaluate(ctx as never).value]).toEqual([op, name, holds[op](ctx[name as keyof typeof ctx])]);
  });
});
