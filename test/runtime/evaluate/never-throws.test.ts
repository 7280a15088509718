import * as E from "fp-ts/Either";
import fc from "fast-check";
import { EvaluationError, OfflineFeature, type EvaluationContext } from "../../../runtime";
import { evaluationContext, featureDocument } from "../model-arbitraries";
import { fuzzOptions } from "../../support/fuzz";

/*
 * Whatever the rules and whatever the context, evaluation answers: it never throws, and no
 * operator throws behind the scenes either (OfflineFeature.evaluate would catch that and report
 * "evaluation threw", which this test refuses as well).
 */

const REASONS = new Set(["TARGETING_MATCH", "DEFAULT", "ERROR", "DISABLED"]);
const CODES = new Set(["ATTRIBUTE_MISSING", "TYPE_MISMATCH", "ATTRIBUTE_ERROR", "PREREQUISITE_ERROR"]);

const gate = OfflineFeature.loads(
  JSON.stringify({
    type: "offline-feature",
    buckets: [{ name: "eu", classifier: { __type: "comparison.in", attribute: { __type: "context.string", name: "country" }, value: ["FR"] }, value: 1 }],
    default: 0,
  }),
  { key: "gate" },
);

describe("evaluation of random features over the whole vocabulary", () => {
  it("never throws, and always answers with a well-formed result", () => {
    let evaluated = 0;
    const options = fuzzOptions(1_000);
    fc.assert(
      fc.property(featureDocument, fc.array(evaluationContext, { minLength: 1, maxLength: 8 }), (doc, contexts) => {
        const features = new Map<string, OfflineFeature>([["gate", gate]]);
        const decoded = OfflineFeature.decode(doc, { key: "generated", resolve: (k) => features.get(k) });
        if (E.isLeft(decoded)) return;
        const feature = decoded.right;
        // "late" resolves to the feature itself only after it loaded: a cycle the load could not
        // see, which evaluation must stop at the depth limit.
        features.set("late", feature);
        const names = new Set(["default", ...feature.model.buckets.map((b) => b.name)]);
        for (const ctx of contexts) {
          const details = feature.evaluate(ctx as EvaluationContext);
          evaluated++;
          expect(REASONS.has(details.reason)).toBe(true);
          expect(names.has(details.bucket)).toBe(true);
          expect(details.value).toEqual(details.bucket === "default" ? feature.model.default : feature.getValueForBucket(details.bucket));
          for (const error of details.errors) {
            expect(error).toBeInstanceOf(EvaluationError);
            expect(CODES.has(error.code)).toBe(true);
            expect(error.message).not.toMatch(/evaluation threw/);
          }
          if (details.reason === "ERROR") expect(details.errors.length).toBeGreaterThan(0);
        }
      }),
      options,
    );
    expect(evaluated).toBeGreaterThan(options.numRuns / 2);
  });
});
