// DO NOT EDIT. Generated from features/test.ts by `npm run gen`.

import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "../runtime/lean";
import { store } from "./feature-store";

/** The values of feature `test`. */
export type TestValue = boolean | 42;

/** The buckets of feature `test`, and `"default"` when none matches. */
export type TestBucket = "holdout" | "control" | "" | "default";

/** What `getTest` takes: the feature reads no context, so only the ambient overrides. */
export type TestContext = AmbientOverrides;

/**
 * What every value of `test` must fit when a bundle is loaded, generated from `TestValue`: the store
 * refuses a bundle with a value that does not fit.
 */
const valueCodec: t.Decoder<unknown, TestValue> = t.union([t.boolean, t.literal(42)], "boolean | 42");

/**
 * Resolved once, so a getter reads the store's current feature without a lookup by key. The default as
 * generated is the answer for a store that lacks the feature or holds one with buckets not listed here.
 */
const handle = store.handle<TestValue, TestBucket, TestContext>("test", false, ["holdout", "control", ""], valueCodec);

/**
 * Feature `test`: its value for this context. Never throws.
 *
 * Holdout and control on len* hosts
 *
 * Buckets, first match wins:
 * - "holdout": `all(sessionRandom < 0.1, hostname ~ /^len.+/)` → `true`
 * - "control": `all(sessionRandom < 0.9, hostname ~ /^len.+/)` → `42`
 * - "": `all(3 == 0.9)` → `false`
 *
 * Otherwise "default" → `false`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when hostname ~ /^len.+/: "holdout" 10%, "control" 80%, "default" 10%
 * - when not hostname ~ /^len.+/: "default" 100%
 *
 * Defined at features/test.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getTest(ctx?: TestContext, options?: EvaluationOptions): TestValue {
  const direct = options === undefined ? handle.directEvaluator : undefined;
  if (direct !== undefined) {
    try {
      return direct(ctx).value;
    } catch {
      // Not reached: the evaluator never throws (kept for speed, see the generator).
    }
  }
  return handle.evaluate(ctx, options).value;
}

/**
 * Feature `test` for this context: its value, bucket, reason and the errors met. Never throws.
 *
 * Holdout and control on len* hosts
 *
 * Buckets, first match wins:
 * - "holdout": `all(sessionRandom < 0.1, hostname ~ /^len.+/)` → `true`
 * - "control": `all(sessionRandom < 0.9, hostname ~ /^len.+/)` → `42`
 * - "": `all(3 == 0.9)` → `false`
 *
 * Otherwise "default" → `false`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when hostname ~ /^len.+/: "holdout" 10%, "control" 80%, "default" 10%
 * - when not hostname ~ /^len.+/: "default" 100%
 *
 * Defined at features/test.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getTestDetails(ctx?: TestContext, options?: EvaluationOptions): EvaluationDetails<TestValue, TestBucket> {
  const direct = options === undefined ? handle.directEvaluator : undefined;
  if (direct !== undefined) {
    try {
      return direct(ctx);
    } catch {
      // Not reached: the evaluator never throws (kept for speed, see the generator).
    }
  }
  return handle.evaluate(ctx, options);
}
