import { OfflineFeature } from "../../../runtime";

/*
 * Features get a copy of the bucket loop per shape (runtime/evaluate/loop-copies.ts), and shapes
 * past the copies share them. Every copy must answer alike: first match, errors collected on the
 * way, a throwing context read costing one bucket, the default otherwise.
 */
const eq = (name: string, value: string) => ({ __type: "comparison.eq", attribute: { __type: "context.string", name }, value });
const all = (...value: object[]) => ({ __type: "bool.all", value });

/** Twelve shapes (more than the eight copies): 1 to 4 buckets, leaves and junctions of 1 to 3 children. */
const SHAPES = Array.from({ length: 12 }, (_, s) => {
  const count = 1 + (s % 4);
  const width = 1 + (s % 3);
  const rule = (b: number) => (s < 6 ? all(...Array.from({ length: width }, (_, k) => eq(k === 0 ? "k" : `x${k}`, k === 0 ? `v${b}` : "y"))) : eq("k", `v${b}`));
  return { count, feature: { type: "offline-feature", buckets: Array.from({ length: count }, (_, b) => ({ name: `b${b}`, classifier: rule(b), value: b })), default: -1 } };
});

describe("every copy of the bucket loop answers alike", () => {
  it.each(SHAPES.map((s, i) => [i, s.count, s.feature] as const))("shape %i (%i buckets)", (_i, count, model) => {
    const feature = OfflineFeature.loads(JSON.stringify(model));
    const ys = { x1: "y", x2: "y" };
    for (let b = 0; b < count; b++) expect(feature.evaluate({ k: `v${b}`, ...ys } as never)).toMatchObject({ value: b, bucket: `b${b}`, reason: "TARGETING_MATCH", errors: [] });
    expect(feature.evaluate({ k: "none", ...ys } as never)).toMatchObject({ value: -1, bucket: "default", reason: "DEFAULT" });
    // `k` missing: every bucket is an error, collected in order, and the default answers.
    const missing = feature.evaluate({ ...ys } as never);
    expect([missing.reason, missing.errors.map((e) => e.bucket)]).toEqual(["ERROR", Array.from({ length: count }, (_, b) => `b${b}`)]);
    // A throwing read costs its bucket only; with `k` matching nothing after it, the default answers.
    const hostile = Object.defineProperty({ ...ys }, "k", { get: () => { throw new Error("no"); } });
    expect(feature.evaluate(hostile as never)).toMatchObject({ value: -1, bucket: "default", reason: "ERROR" });
  });
});
