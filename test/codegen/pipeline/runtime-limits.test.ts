import { bundleLimitProblem, featureLimitProblem } from "../../../codegen/pipeline/runtime-limits";
import { decodeBundle, encodeBundle, inputLimits, type FeatureModel } from "../../../runtime";
import * as E from "fp-ts/Either";

/*
 * gen refuses what the generated store would refuse at load: the same limits, checked per feature
 * (at its place) and on each bundle as written. Small limits keep the documents small here; gen
 * itself passes the defaults (test/codegen/gen.test.ts has a feature past the default depth).
 */

const feature = (buckets: number, defaultValue: unknown = 0): FeatureModel =>
  ({
    type: "offline-feature",
    buckets: Array.from({ length: buckets }, (_, i) => ({ name: `b${i}`, classifier: { __type: "comparison.lt", attribute: { __type: "static.number", value: 0 }, value: 1 }, value: i })),
    default: defaultValue,
  }) as unknown as FeatureModel;

const nested = (levels: number): unknown => JSON.parse("[".repeat(levels) + "]".repeat(levels));
const loads = (model: FeatureModel, limits: Parameters<typeof inputLimits>[0]) => E.isRight(decodeBundle(JSON.stringify(encodeBundle({ x: model })), undefined, limits));

describe("featureLimitProblem agrees with what a store loads", () => {
  it.each([
    ["depth", feature(0, nested(20)), { depth: 20 }, feature(0, nested(21)), /^feature "x": its JSON nests 21 levels deep and the runtime refuses a feature deeper than limits\.depth = 20 /],
    ["values", feature(0, Array.from({ length: 90 }, () => 0)), { values: 100 }, feature(0, Array.from({ length: 200 }, () => 0)), /^feature "x": its JSON holds 20\d values and the runtime refuses a bundle of more than limits\.values = 100; /],
    ["buckets", feature(2), { buckets: 2 }, feature(3), /^feature "x": it has 3 buckets and the runtime refuses a feature of more than limits\.buckets = 2; /],
  ] as const)("%s", (_name, within, overrides, past, message) => {
    const limits = inputLimits(overrides);
    expect(featureLimitProblem("x", within, limits)).toBeUndefined();
    expect(loads(within, overrides)).toBe(true);
    expect(featureLimitProblem("x", past, limits)).toMatch(message);
    expect(featureLimitProblem("x", past, limits)).toMatch(/would refuse the whole bundle \(every getter answering its default\)$/);
    expect(loads(past, overrides)).toBe(false);
  });
});

describe("bundleLimitProblem: the bundle as a whole", () => {
  const json = encodeBundle({ a: feature(1), b: feature(1) });
  const text = JSON.stringify(json, null, 2);

  it("passes a bundle within the limits", () => {
    expect(bundleLimitProblem("generated/features.json", text, json, 2)).toBeUndefined();
  });

  it.each([
    ["bytes", { bytes: 100 }, /^the runtime would refuse this bundle: the document is \d+ bytes; the limit is limits\.bytes = 100 /],
    ["values", { values: 10 }, /^the runtime would refuse this bundle: the document holds more than 10 values; the limit is limits\.values = 10 /],
    ["features", { features: 1 }, /^the runtime would refuse this bundle: the bundle holds 2 features; the limit is limits\.features = 1; /],
  ] as const)("%s", (_name, overrides, message) => {
    expect(bundleLimitProblem("generated/features.json", text, json, 2, inputLimits(overrides))).toEqual({ where: "generated/features.json", message: expect.stringMatching(message) });
    expect(E.isRight(decodeBundle(text, undefined, overrides))).toBe(false);
  });
});
