// DO NOT EDIT. Generated from bench/features/r1.ts by `npm run gen`.

import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "../../runtime/lean";
import { store } from "./feature-store";

/** The values of feature `r1`. */
export type R1Value = "control" | "default" | "holdout";

/** The buckets of feature `r1`, and `"default"` when none matches. */
export type R1Bucket = "holdout" | "control" | "default";

/** What `getR1` takes: the feature reads no context, so only the ambient overrides. */
export type R1Context = AmbientOverrides;

/**
 * What every value of `r1` must fit when a bundle is loaded, generated from `R1Value`: the store
 * refuses a bundle with a value that does not fit.
 */
const valueCodec: t.Decoder<unknown, R1Value> = t.union([t.literal("control"), t.literal("default"), t.literal("holdout")], "\"control\" | \"default\" | \"holdout\"");

/**
 * Resolved once, so a getter reads the store's current feature without a lookup by key. The default as
 * generated is the answer for a store that lacks the feature or holds one with buckets not listed here.
 */
const handle = store.handle<R1Value, R1Bucket, R1Context>("r1", "default", ["holdout", "control"], valueCodec);

/**
 * Feature `r1`: its value for this context. Never throws.
 *
 * R1: PyOF's seed rule
 *
 * Buckets, first match wins:
 * - "holdout": `all(sessionRandom < 0.1, hostname ~ /^len.+/)` → `"holdout"`
 * - "control": `all(sessionRandom < 0.9, hostname ~ /^len.+/)` → `"control"`
 *
 * Otherwise "default" → `"default"`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when hostname ~ /^len.+/: "holdout" 10%, "control" 80%, "default" 10%
 * - when not hostname ~ /^len.+/: "default" 100%
 *
 * Defined at bench/features/r1.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR1(ctx?: R1Context, options?: EvaluationOptions): R1Value {
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
 * Feature `r1` for this context: its value, bucket, reason and the errors met. Never throws.
 *
 * R1: PyOF's seed rule
 *
 * Buckets, first match wins:
 * - "holdout": `all(sessionRandom < 0.1, hostname ~ /^len.+/)` → `"holdout"`
 * - "control": `all(sessionRandom < 0.9, hostname ~ /^len.+/)` → `"control"`
 *
 * Otherwise "default" → `"default"`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when hostname ~ /^len.+/: "holdout" 10%, "control" 80%, "default" 10%
 * - when not hostname ~ /^len.+/: "default" 100%
 *
 * Defined at bench/features/r1.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR1Details(ctx?: R1Context, options?: EvaluationOptions): EvaluationDetails<R1Value, R1Bucket> {
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
