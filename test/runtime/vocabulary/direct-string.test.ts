import { OfflineFeature } from "../../../runtime";
import { expectAgreesWithTrace } from "../../support/agrees-with-trace";

/*
 * `eq`, `in` and `notin` over `context.string` test the string in their own closure
 * (runtime/vocabulary/classifiers/shapes/context-string-tests.ts). A traced evaluation compiles
 * without that shortcut (every read goes through the getter, so the trace sees it), so the two
 * must agree on every value the key may hold: answers, error codes, messages and paths.
 */
const RULES = [
  ["eq", "comparison.eq", "US"],
  ["eq to a number", "comparison.eq", 1],
  ["in, one member", "comparison.in", ["US"]],
  ["in, three members", "comparison.in", ["US", "CA", "GB"]],
  ["in, members of mixed types", "comparison.in", ["US", 1, true]],
  ["in, a Set of five", "comparison.in", ["US", "CA", "GB", "FR", "DE"]],
  ["notin, two members", "comparison.notin", ["US", "CA"]],
  ["notin, a Set of four", "comparison.notin", ["US", "CA", "GB", "FR"]],
  ["in, no member", "comparison.in", []],
] as const;
const GIVEN: readonly unknown[] = ["US", "FR", "", "us", 1, 0, true, null, { country: "US" }, ["US"], undefined];

describe("string tests that read a context key themselves answer as the getter does", () => {
  it.each(RULES)("%s", (_name, op, value) => {
    expectAgreesWithTrace({ __type: op, attribute: { __type: "context.string", name: "country" }, value }, "country", GIVEN);
  });

  it("tests the string, and reports a missing key or another type at the attribute's path", () => {
    const feature = OfflineFeature.loads(
      JSON.stringify({ type: "offline-feature", buckets: [{ name: "na", classifier: { __type: "comparison.in", attribute: { __type: "context.string", name: "country" }, value: ["US", "CA"] }, value: "na" }], default: "world" }),
    );
    expect(feature.evaluate({ country: "CA" })).toMatchObject({ value: "na", bucket: "na", errors: [] });
    expect(feature.evaluate({ country: "FR" })).toMatchObject({ value: "world", reason: "DEFAULT", errors: [] });
    const missing = feature.evaluate({});
    expect(missing).toMatchObject({ reason: "ERROR", errors: [{ code: "ATTRIBUTE_MISSING", path: "buckets[0].classifier.attribute" }] });
    // Built on the first miss and kept, as the getter does: a repeated miss builds no error.
    expect(feature.evaluate({}).errors[0]).toBe(missing.errors[0]);
    expect(feature.evaluate({ country: 7 })).toMatchObject({ reason: "ERROR", errors: [{ code: "TYPE_MISMATCH", path: "buckets[0].classifier.attribute", message: expect.stringContaining("must be a string") }] });
  });
});
