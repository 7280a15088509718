import { evaluateWithTrace, OfflineFeature } from "../../../runtime";

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

/*
 * A process-constant feature answers a call without a context from its memo (a field the
 * feature reads before anything else): the same details object every time, the same as the
 * first evaluation computed; a context that overrides an ambient attribute still evaluates.
 */
describe("the process-wide memo", () => {
  const json = (nodeVersions?: string) =>
    JSON.stringify({
      type: "offline-feature",
      ...(nodeVersions === undefined ? {} : { node_versions: nodeVersions }),
      buckets: [{ name: "len", classifier: { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len.+" }, value: "on" }],
      default: "off",
    });

  it("gives back the first answer itself, and a pinned hostname still decides", () => {
    const feature = OfflineFeature.loads(json(), { key: "memo" });
    const first = feature.evaluate();
    expect(feature.evaluate()).toBe(first);
    expect(feature.evaluate(undefined)).toBe(first);
    expect(feature.evaluate({ hostname: "lenovo" })).toMatchObject({ bucket: "len", value: "on" });
    expect(feature.evaluate({ hostname: "len" })).toMatchObject({ bucket: "default", value: "off" });
    expect(feature.evaluate()).toBe(first);
  });

  it("is not used past a node_versions filter, which decides first", () => {
    const off = OfflineFeature.loads(json("<1.0.0"), { key: "memo" });
    expect(off.evaluate()).toMatchObject({ reason: "DISABLED", value: "off" });
    expect(off.evaluate({ nodeVersion: "0.9.0", hostname: "lenovo" })).toMatchObject({ bucket: "len", value: "on" });
    expect(off.evaluate()).toMatchObject({ reason: "DISABLED" });
  });

  it("still traces when asked, memo or not", () => {
    const feature = OfflineFeature.loads(json(), { key: "memo" });
    feature.evaluate();
    const traced = evaluateWithTrace(feature, undefined);
    expect(traced.trace.buckets.map((b) => b.name)).toEqual(["len"]);
    expect(traced.trace.buckets[0]!.nodes[0]!.reads[0]!.tag).toBe("socket.hostname");
  });
});
