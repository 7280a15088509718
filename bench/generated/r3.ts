// DO NOT EDIT. Generated from bench/features/r3.ts by `npm run gen`.

import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "../../runtime/lean";
import { store } from "./feature-store";

/** The values of feature `r3`. */
export type R3Value = "control" | "treatment";

/** The buckets of feature `r3`, and `"default"` when none matches. */
export type R3Bucket = "treatment" | "default";

/** What `getR3` takes: the context keys the feature's rules read, and the ambient overrides. */
export type R3Context = { readonly userId: string } & AmbientOverrides;

/**
 * What every value of `r3` must fit when a bundle is loaded, generated from `R3Value`: the store
 * refuses a bundle with a value that does not fit.
 */
const valueCodec: t.Decoder<unknown, R3Value> = t.union([t.literal("control"), t.literal("treatment")], "\"control\" | \"treatment\"");

/**
 * Resolved once, so a getter reads the store's current feature without a lookup by key. The default as
 * generated is the answer for a store that lacks the feature or holds one with buckets not listed here.
 */
const handle = store.handle<R3Value, R3Bucket, R3Context>("r3", "control", ["treatment"], valueCodec);

/**
 * Feature `r3`: its value for this context. Never throws.
 *
 * R3: 10% of users by userId
 *
 * Buckets, first match wins:
 * - "treatment": `unitRandom(ctx.userId, "r3") < 0.1` → `"treatment"`
 *
 * Otherwise "default" → `"control"`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when always: "treatment" 10%, "default" 90%
 *
 * Defined at bench/features/r3.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR3(ctx: R3Context, options?: EvaluationOptions): R3Value {
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
 * Feature `r3` for this context: its value, bucket, reason and the errors met. Never throws.
 *
 * R3: 10% of users by userId
 *
 * Buckets, first match wins:
 * - "treatment": `unitRandom(ctx.userId, "r3") < 0.1` → `"treatment"`
 *
 * Otherwise "default" → `"control"`.
 *
 * Traffic shares (exact, for each combination of the other conditions):
 * - when always: "treatment" 10%, "default" 90%
 *
 * Defined at bench/features/r3.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR3Details(ctx: R3Context, options?: EvaluationOptions): EvaluationDetails<R3Value, R3Bucket> {
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
