// DO NOT EDIT. Generated from bench/features/r2.ts by `npm run gen`.

import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "../../runtime/lean";
import { store } from "./feature-store";

/** The values of feature `r2`. */
export type R2Value = "default" | "match";

/** The buckets of feature `r2`, and `"default"` when none matches. */
export type R2Bucket = "match" | "default";

/** What `getR2` takes: the context keys the feature's rules read, and the ambient overrides. */
export type R2Context = { readonly appVersion: string; readonly country: string; readonly plan: string } & AmbientOverrides;

/**
 * What every value of `r2` must fit when a bundle is loaded, generated from `R2Value`: the store
 * refuses a bundle with a value that does not fit.
 */
const valueCodec: t.Decoder<unknown, R2Value> = t.union([t.literal("default"), t.literal("match")], "\"default\" | \"match\"");

/**
 * Resolved once, so a getter reads the store's current feature without a lookup by key. The default as
 * generated is the answer for a store that lacks the feature or holds one with buckets not listed here.
 */
const handle = store.handle<R2Value, R2Bucket, R2Context>("r2", "default", ["match"], valueCodec);

/**
 * Feature `r2`: its value for this context. Never throws.
 *
 * R2: country in [US, CA, GB] and plan == pro and appVersion >= 2.3.0
 *
 * Buckets, first match wins:
 * - "match": `all(ctx.country in ["US","CA","GB"], ctx.plan == "pro", ctx.appVersion >= version 2.3.0)` → `"match"`
 *
 * Otherwise "default" → `"default"`.
 *
 * Defined at bench/features/r2.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR2(ctx: R2Context, options?: EvaluationOptions): R2Value {
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
 * Feature `r2` for this context: its value, bucket, reason and the errors met. Never throws.
 *
 * R2: country in [US, CA, GB] and plan == pro and appVersion >= 2.3.0
 *
 * Buckets, first match wins:
 * - "match": `all(ctx.country in ["US","CA","GB"], ctx.plan == "pro", ctx.appVersion >= version 2.3.0)` → `"match"`
 *
 * Otherwise "default" → `"default"`.
 *
 * Defined at bench/features/r2.ts:4.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getR2Details(ctx: R2Context, options?: EvaluationOptions): EvaluationDetails<R2Value, R2Bucket> {
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
