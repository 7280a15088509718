import fc from "fast-check";
import { compileFeature } from "../../../runtime/compile/feature";
import type { FeatureModel } from "../../../runtime/model/feature";
import { propertyOptions } from "../../support/property";

/*
 * comparison.in / comparison.notin compile a list of up to three to fixed comparisons and a longer
 * one to a Set (runtime/vocabulary/classifiers/shapes/membership.ts). Both must answer as
 * membership by SameValueZero does, on every list length around the cut.
 */

const scalar = fc.oneof(fc.constantFrom("US", "CA", "", 0, -0, 1, 2.5, true, false, null), fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }));
const contextValue = fc.oneof(scalar.filter((v) => v !== null), fc.constant(undefined), fc.constant({}));
const read = (tag: string) => ({ __type: tag, name: "x" });

function answer(op: "comparison.in" | "comparison.notin", list: readonly unknown[], x: unknown): unknown {
  const tag = typeof x === "number" ? "context.number" : typeof x === "boolean" ? "context.boolean" : "context.string";
  const model = { type: "offline-feature", python_versions: ["all"], buckets: [{ name: "hit", classifier: { __type: op, attribute: read(tag), value: list }, value: true }], default: false } as unknown as FeatureModel;
  const details = compileFeature(model, { featureKey: "f" }).evaluate(x === undefined ? {} : { x });
  return details.errors.length > 0 ? details.errors[0]!.code : details.value;
}

describe("membership against a list of any length", () => {
  it("answers as SameValueZero membership: in, notin, and an attribute error stays an error", () => {
    fc.assert(
      fc.property(fc.array(scalar, { maxLength: 6 }), contextValue, (list, x) => {
        const expected = x === undefined ? "ATTRIBUTE_MISSING" : typeof x === "object" ? "TYPE_MISMATCH" : new Set<unknown>(list).has(x);
        expect(answer("comparison.in", list, x)).toBe(expected);
        expect(answer("comparison.notin", list, x)).toBe(typeof expected === "boolean" ? !expected : expected);
      }),
      propertyOptions,
    );
  });

  it.each<[string, readonly unknown[], unknown, boolean]>([
    ["the empty list holds nothing", [], "US", false],
    ["0 and -0 are one member", [-0], 0, true],
    ["no coercion: the string 1 is not 1", ["1"], 1, false],
    ["the third of three", ["US", "CA", "GB"], "GB", true],
    ["the fourth of four (a Set)", ["US", "CA", "GB", "FR"], "FR", true],
  ])("%s", (_name, list, x, hit) => {
    expect(answer("comparison.in", list, x)).toBe(hit);
    expect(answer("comparison.notin", list, x)).toBe(!hit);
  });
});
