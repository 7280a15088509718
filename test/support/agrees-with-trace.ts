import { OfflineFeature, evaluateWithTrace, type JsonValue } from "../../runtime";

/*
 * Operators that read a context key themselves (runtime/vocabulary/classifiers/shapes/
 * context-string-tests.ts, context-version-order.ts, context-number-order.ts) are compiled without
 * that shortcut for a trace, so a traced evaluation is the reference they are held to.
 */

const summary = (d: { value: unknown; bucket: string; reason: string; errors: readonly { code: string; path: string; message: string }[] }) => [d.value, d.bucket, d.reason, d.errors.map((e) => `${e.code} ${e.path} ${e.message}`)];

/**
 * A feature of one bucket whose rule is `bool.all([rule])` (so the operator sits below a junction,
 * as in R2), evaluated plainly and traced with `key` holding each of `given` (undefined: absent),
 * twice each (errors and parses built on first use are kept): the answers, error codes, paths and
 * messages must be the same.
 */
export function expectAgreesWithTrace(rule: JsonValue, key: string, given: readonly unknown[]): void {
  const feature = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "yes", classifier: { __type: "bool.all", value: [rule] }, value: true }], default: false }), { key: "direct" });
  for (const value of given) {
    const ctx = value === undefined ? {} : { [key]: value };
    for (let round = 0; round < 2; round++) expect([value, summary(feature.evaluate(ctx as never))]).toEqual([value, summary(evaluateWithTrace(feature, ctx as never))]);
  }
}
