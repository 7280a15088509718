import { OfflineFeature } from "../../../runtime";

/*
 * Features get a copy of the bucket loop per shape (runtime/evaluate/loop-copies.ts), and shapes
 * past the copies share them. Every copy must answer alike: first match, errors collected on the
 * way, a throwing context read costing one bucket, the default otherwise.
 */
const eq = (name: string, value: string) => ({ __type: "comparison.eq", attribute: { __type: "context.string", name }, value });
const all = (...value: object[]) => ({ __type: "bool.all", value });

/** Twelve features of 1 to 4 buckets, leaves and junctions of 1 to 3 children (the copies' reach is tested below). */
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

/*
 * Features of one or two buckets get unrolled loops, eight copies of each; three buckets or more,
 * the loop's eight copies. Twelve shapes of each count (the first rule a junction of 1 to 12
 * children: the shape counts each rule's children) reach every copy and four shapes past them;
 * each must answer as the loop does, in every combination of match, no match and error.
 */
describe("every copy, unrolled or not, answers in every combination of match, no match and error", () => {
  const padding = (width: number) => Array.from({ length: width - 1 }, (_, k) => eq(`x${k}`, "y"));
  const ys = Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`x${k}`, "y"]));
  const load = (buckets: object[]) => OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets, default: -1 }));
  const bucketsOf = (feature: ReturnType<typeof load>, ctx: object) => {
    const d = feature.evaluate({ ...ys, ...ctx } as never);
    return [d.bucket, d.reason, d.errors.map((e) => e.bucket)];
  };

  const widths = Array.from({ length: 12 }, (_, s) => [s + 1]);
  it.each(widths)("one bucket, a junction of %i", (width) => {
    const feature = load([{ name: "b0", classifier: all(eq("a", "on"), ...padding(width)), value: 0 }]);
    expect(bucketsOf(feature, { a: "on" })).toEqual(["b0", "TARGETING_MATCH", []]);
    expect(bucketsOf(feature, { a: "off" })).toEqual(["default", "DEFAULT", []]);
    expect(bucketsOf(feature, {})).toEqual(["default", "ERROR", ["b0"]]);
    const hostile = Object.defineProperty({ ...ys }, "a", { get: () => { throw new Error("no"); } });
    expect(feature.evaluate(hostile as never)).toMatchObject({ value: -1, bucket: "default", reason: "ERROR" });
  });

  it.each(widths)("two buckets, the first a junction of %i", (width) => {
    const feature = load([
      { name: "b0", classifier: all(eq("a", "on"), ...padding(width)), value: 0 },
      { name: "b1", classifier: eq("k", "on"), value: 1 },
    ]);
    expect(bucketsOf(feature, { a: "on" })).toEqual(["b0", "TARGETING_MATCH", []]);
    expect(bucketsOf(feature, { a: "off", k: "on" })).toEqual(["b1", "TARGETING_MATCH", []]);
    expect(bucketsOf(feature, { a: "off", k: "off" })).toEqual(["default", "DEFAULT", []]);
    expect(bucketsOf(feature, { k: "on" })).toEqual(["b1", "TARGETING_MATCH", ["b0"]]);
    expect(bucketsOf(feature, { k: "off" })).toEqual(["default", "ERROR", ["b0"]]);
    expect(bucketsOf(feature, { a: "off" })).toEqual(["default", "ERROR", ["b1"]]);
    expect(bucketsOf(feature, {})).toEqual(["default", "ERROR", ["b0", "b1"]]);
    const hostile = Object.defineProperty({ ...ys, k: "on" }, "a", { get: () => { throw new Error("no"); } });
    expect(feature.evaluate(hostile as never)).toMatchObject({ value: 1, bucket: "b1", reason: "TARGETING_MATCH", errors: [{ bucket: "b0" }] });
  });

  it.each(widths)("three buckets, the first a junction of %i", (width) => {
    const feature = load([
      { name: "b0", classifier: all(eq("a", "on"), ...padding(width)), value: 0 },
      { name: "b1", classifier: eq("k", "on"), value: 1 },
      { name: "b2", classifier: eq("m", "on"), value: 2 },
    ]);
    expect(bucketsOf(feature, { a: "off", k: "off", m: "on" })).toEqual(["b2", "TARGETING_MATCH", []]);
    expect(bucketsOf(feature, { m: "on" })).toEqual(["b2", "TARGETING_MATCH", ["b0", "b1"]]);
    expect(bucketsOf(feature, { a: "off", k: "off" })).toEqual(["default", "ERROR", ["b2"]]);
    expect(bucketsOf(feature, { a: "off", k: "off", m: "off" })).toEqual(["default", "DEFAULT", []]);
  });
});
