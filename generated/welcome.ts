// DO NOT EDIT. Generated from features/welcome.ts by `npm run gen`.

import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "../runtime/lean";
import type { Banner } from "../features/welcome";
import { store } from "./feature-store";

/** The values of feature `welcome`. */
export type WelcomeValue = Banner;

/** The buckets of feature `welcome`, and `"default"` when none matches. */
export type WelcomeBucket = "france" | "adults" | "default";

/** What `getWelcome` takes: the context keys the feature's rules read, and the ambient overrides. */
export type WelcomeContext = { readonly age: number; readonly country: string; readonly newsletter: boolean } & AmbientOverrides;

/**
 * What every value of `welcome` must fit when a bundle is loaded, generated from `WelcomeValue`: the store
 * refuses a bundle with a value that does not fit.
 */
const valueCodec: t.Decoder<unknown, WelcomeValue> = t.type({
  text: t.string,
  color: t.union([t.literal("blue"), t.literal("green"), t.literal("red")]),
}, "Banner");

/**
 * Resolved once, so a getter reads the store's current feature without a lookup by key. The default as
 * generated is the answer for a store that lacks the feature or holds one with buckets not listed here.
 */
const handle = store.handle<WelcomeValue, WelcomeBucket, WelcomeContext>("welcome", { color: "red", text: "Welcome" }, ["france", "adults"], valueCodec);

/**
 * Feature `welcome`: its value for this context. Never throws.
 *
 * Welcome banner, by country and age
 *
 * Buckets, first match wins:
 * - "france": `ctx.country == "FR"` → `{"color":"blue","text":"Bienvenue"}`
 * - "adults": `all(ctx.age >= 18, ctx.newsletter == true)` → `{"color":"green","text":"Welcome back"}`
 *
 * Otherwise "default" → `{"color":"red","text":"Welcome"}`.
 *
 * Defined at features/welcome.ts:10.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getWelcome(ctx: WelcomeContext, options?: EvaluationOptions): WelcomeValue {
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
 * Feature `welcome` for this context: its value, bucket, reason and the errors met. Never throws.
 *
 * Welcome banner, by country and age
 *
 * Buckets, first match wins:
 * - "france": `ctx.country == "FR"` → `{"color":"blue","text":"Bienvenue"}`
 * - "adults": `all(ctx.age >= 18, ctx.newsletter == true)` → `{"color":"green","text":"Welcome back"}`
 *
 * Otherwise "default" → `{"color":"red","text":"Welcome"}`.
 *
 * Defined at features/welcome.ts:10.
 *
 * `options.hooks` run around this call only, inside the store's hooks.
 */
export function getWelcomeDetails(ctx: WelcomeContext, options?: EvaluationOptions): EvaluationDetails<WelcomeValue, WelcomeBucket> {
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
