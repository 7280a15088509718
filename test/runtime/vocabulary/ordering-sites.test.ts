import { OfflineFeature } from "../../../runtime";

/*
 * The ordering operators come in identical closure copies, one per operator × attribute kind
 * (runtime/vocabulary/classifiers/shapes/ordering.ts), so that V8's call feedback stays
 * monomorphic. More combinations than copies wrap around; every one must still compare right.
 */
const OPS = [
  ["comparison.lt", (a: number, b: number) => a < b],
  ["comparison.lte", (a: number, b: number) => a <= b],
  ["comparison.gt", (a: number, b: number) => a > b],
  ["comparison.gte", (a: number, b: number) => a >= b],
] as const;
const ATTRIBUTES = [
  [{ __type: "context.number", name: "n" }, (x: number) => ({ n: x })],
  [{ __type: "random.session" }, (x: number) => ({ sessionRandom: x })],
  [{ __type: "random.unit", attribute: { __type: "context.string", name: "id" } }, (x: number) => ({ id: "u", unitRandom: x })],
  [{ __type: "static.number", value: 0.5 }, () => ({})],
] as const;

describe("ordering operators over every attribute kind (more combinations than closure copies)", () => {
  const cases = OPS.flatMap(([op, holds]) => ATTRIBUTES.map(([attribute, ctxOf]) => [op, attribute.__type, attribute, ctxOf, holds] as const));

  it.each(cases)("%s over %s", (op, _kind, attribute, ctxOf, holds) => {
    const feature = OfflineFeature.loads(
      JSON.stringify({ type: "offline-feature", buckets: [{ name: "yes", classifier: { __type: op, attribute, value: 0.5 }, value: true }], default: false }),
      { key: "ordering" },
    );
    for (const x of [0, 0.25, 0.5, 0.75]) {
      const value = attribute.__type === "static.number" ? 0.5 : x;
      expect(feature.evaluate(ctxOf(x) as never).value).toBe(holds(value, 0.5));
    }
  });
});
