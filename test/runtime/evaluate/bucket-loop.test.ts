import { OfflineFeature } from "../../../runtime";

/*
 * The bucket loop is a loop, whatever the buckets do: a bucket whose context getter throws costs
 * one iteration (it once cost a level of recursion, and ~5,000 of them answered `default` with
 * "Maximum call stack size exceeded" although a later bucket matched).
 */
describe("many throwing buckets", () => {
  const THROWING = 9_000;
  const buckets = [
    ...Array.from({ length: THROWING }, (_, i) => ({ name: `t${i}`, classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "boom" }, value: "x" }, value: i })),
    { name: "last", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" }, value: -1 },
  ];
  const feature = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets, default: 0 }), { key: "many" });
  const withThrowingGetter = (plan: string): object =>
    Object.defineProperty({ plan }, "boom", {
      get() {
        throw new Error("getter threw");
      },
    });
  const hostile = withThrowingGetter("pro");

  it("still reach the bucket that matches, with every error reported", () => {
    const details = feature.evaluate(hostile as never);
    expect(details).toMatchObject({ bucket: "last", value: -1, reason: "TARGETING_MATCH" });
    expect(details.errors).toHaveLength(THROWING);
    expect(details.errors[THROWING - 1]!.toString()).toBe(`buckets[${THROWING - 1}].classifier: evaluation threw: Error: getter threw`);
  });

  it("answer the default with reason ERROR when nothing matches", () => {
    const details = feature.evaluate(withThrowingGetter("free") as never);
    expect(details).toMatchObject({ bucket: "default", value: 0, reason: "ERROR" });
    expect(details.errors).toHaveLength(THROWING);
  });
});
