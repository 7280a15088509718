import fc from "fast-check";
import { evaluateWithTrace, OfflineFeature, type FeatureModel, type TraceNode } from "../../../runtime";
import { contextArb, featureArb, propertyOptions } from "../../support/property";
import seedJson from "../../fixtures/pyof/test.json";

const seed = OfflineFeature.decode(seedJson, { key: "test" });
if (seed._tag === "Left") throw new Error(String(seed.left));
const test = seed.right;

const brief = (n: TraceNode) => ({ path: n.path, evaluated: n.evaluated, result: n.result, decisive: n.decisive });

describe("evaluateWithTrace(feature, ctx)", () => {
  it("lists the bucket that matched, with each node's reads, operand and result", () => {
    const traced = evaluateWithTrace(test, { hostname: "lenovo-1", sessionRandom: 0.05 });
    expect(traced.bucket).toBe("holdout");
    expect(traced.trace.buckets.map((b) => [b.name, b.outcome])).toEqual([["holdout", "matched"]]);
    const [all, lt, regex] = traced.trace.buckets[0]!.nodes;
    expect(all).toMatchObject({ path: "buckets[0].classifier", tag: "bool.all", depth: 0, evaluated: true, result: true });
    expect(lt).toMatchObject({
      tag: "comparison.lt",
      depth: 1,
      operand: 0.1,
      result: true,
      reads: [{ path: "buckets[0].classifier.value[0].attribute", tag: "random.session", value: 0.05 }],
    });
    expect(regex).toMatchObject({ tag: "re.match", operand: "^len.+", result: true, decisive: true, reads: [{ tag: "socket.hostname", value: "lenovo-1" }] });
  });

  it("lists every bucket tried before the default, and the leaf that decided each", () => {
    const traced = evaluateWithTrace(test, { hostname: "dell-1", sessionRandom: 0.05 });
    expect(traced.bucket).toBe("default");
    expect(traced.trace.buckets.map((b) => [b.name, b.outcome])).toEqual([
      ["holdout", "no-match"],
      ["control", "no-match"],
      ["", "no-match"],
    ]);
    expect(traced.trace.buckets[0]!.nodes.map(brief)).toEqual([
      { path: "buckets[0].classifier", evaluated: true, result: false, decisive: false },
      { path: "buckets[0].classifier.value[0]", evaluated: true, result: true, decisive: false },
      { path: "buckets[0].classifier.value[1]", evaluated: true, result: false, decisive: true },
    ]);
  });

  it("marks nodes that short-circuiting skipped as not evaluated", () => {
    const traced = evaluateWithTrace(test, { hostname: "lenovo-1", sessionRandom: 0.15 });
    expect(traced.bucket).toBe("control");
    const holdout = traced.trace.buckets[0]!;
    expect(holdout.nodes.map(brief)).toEqual([
      { path: "buckets[0].classifier", evaluated: true, result: false, decisive: false },
      { path: "buckets[0].classifier.value[0]", evaluated: true, result: false, decisive: true },
      { path: "buckets[0].classifier.value[1]", evaluated: false, result: undefined, decisive: false },
    ]);
  });

  it("shows a missing context key as the error it read", () => {
    const model: FeatureModel = {
      type: "offline-feature",
      python_versions: ["all"],
      buckets: [{ name: "fr", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "FR" }, value: 1 }],
      default: 0,
    };
    const traced = evaluateWithTrace(OfflineFeature.fromModel(model, { key: "geo" }), {});
    expect(traced.reason).toBe("ERROR");
    expect(traced.trace.buckets).toEqual([
      expect.objectContaining({ name: "fr", outcome: "error", nodes: [expect.objectContaining({ result: expect.objectContaining({ error: "ATTRIBUTE_MISSING" }) })] }),
    ]);
    expect(traced.trace.buckets[0]!.nodes[0]!.reads[0]!.value).toEqual(expect.objectContaining({ error: "ATTRIBUTE_MISSING" }));
  });

  it("a disabled feature evaluates no rule", () => {
    const model: FeatureModel = { ...test.model, node_versions: ">=999" };
    const traced = evaluateWithTrace(OfflineFeature.fromModel(model, { key: "old" }), undefined);
    expect(traced).toMatchObject({ reason: "DISABLED", trace: { disabled: true, buckets: [] } });
  });

  it("agrees with evaluate on random features and contexts, and its buckets explain the decision", () => {
    fc.assert(
      fc.property(featureArb, contextArb, (model, ctx) => {
        const feature = OfflineFeature.fromModel(model, { key: "prop" });
        const { trace, ...details } = evaluateWithTrace(feature, ctx);
        expect(details).toEqual(feature.evaluate(ctx));
        const last = trace.buckets[trace.buckets.length - 1];
        if (details.bucket === "default") {
          expect(trace.buckets.length).toBe(model.buckets.length);
          expect(trace.buckets.every((b) => b.outcome !== "matched")).toBe(true);
        } else {
          expect(last).toMatchObject({ name: details.bucket, outcome: "matched" });
          expect(trace.buckets.slice(0, -1).every((b) => b.outcome !== "matched")).toBe(true);
        }
        const failed = trace.buckets.filter((b) => b.outcome === "error").map((b) => b.name);
        expect(failed).toEqual(details.errors.map((e) => e.bucket));
      }),
      propertyOptions,
    );
  });
});
