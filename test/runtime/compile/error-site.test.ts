import { sharedErrorSite } from "../../../runtime/compile/error-site";
import { compileAttribute, compileRule } from "../../../runtime/compile/scope";
import { EvaluationError } from "../../../runtime/evaluate/details";
import type { Attribute } from "../../../runtime/model/attribute";
import type { Classifier } from "../../../runtime/model/classifier";

describe("error sites: what a compiled closure keeps to report its errors", () => {
  it("is one site per bucket and JSON path, building errors that name both", () => {
    const site = sharedErrorSite("holdout", "buckets[0].classifier.attribute")!;
    expect(sharedErrorSite("holdout", "buckets[0].classifier.attribute")).toBe(site);
    expect(sharedErrorSite("control", "buckets[0].classifier.attribute")).not.toBe(site);
    const error = site.error("ATTRIBUTE_MISSING", "context attribute \"country\" is missing");
    expect(error).toEqual(new EvaluationError("ATTRIBUTE_MISSING", "holdout", "buckets[0].classifier.attribute", "context attribute \"country\" is missing"));
  });

  it("shares no site for a key longer than the table keeps (the scope serves instead)", () => {
    expect(sharedErrorSite("b".repeat(161), "p")).toBeUndefined();
    expect(sharedErrorSite("b", "p".repeat(161))).toBeUndefined();
  });

  it("reports a missing key at the attribute's own bucket and path, shallow or deep", () => {
    const attribute = { __type: "context.string", name: "country" } as Attribute;
    const shallow = compileAttribute({}, "eu", "buckets[1].classifier.attribute", attribute)({});
    const deepPath = `buckets[0].classifier${".value[0]".repeat(40)}.attribute`;
    const deep = compileAttribute({}, "deep", deepPath, attribute)({});
    expect([shallow, deep].map((e) => e instanceof EvaluationError && [e.code, e.bucket, e.path])).toEqual([
      ["ATTRIBUTE_MISSING", "eu", "buckets[1].classifier.attribute"],
      ["ATTRIBUTE_MISSING", "deep", deepPath],
    ]);
  });

  it.each([3, 63, 64, 65, 200])("reports it at the right path under %i nested bool.all (deferred past 64 levels)", (levels) => {
    let rule = { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" } as unknown as Classifier;
    for (let i = 0; i < levels; i++) rule = { __type: "bool.all", value: [rule] } as unknown as Classifier;
    const error = compileRule({}, "pro", "buckets[2].classifier", rule)({});
    expect(error instanceof EvaluationError && [error.code, error.bucket, error.path]).toEqual(["ATTRIBUTE_MISSING", "pro", `buckets[2].classifier${".value[0]".repeat(levels)}.attribute`]);
  });
});
