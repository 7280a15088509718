import type { OfflineFeature } from "../offline-feature";
import type { AmbientOverrides, EvaluationContext } from "../evaluate/context";
import { EvaluationError, type EvaluationDetails } from "../evaluate/details";
import { DEFAULT_BUCKET } from "../model/feature";
import type { SlotOverride } from "./overrides";
import { formatIssues } from "../decode/reporter";
import { featurePath, valueIssues, type ValueCodec } from "./value-check";
import { runAfter, runBefore, type EvaluationHook, type EvaluationOptions } from "./hooks";
import { markStale } from "./stale";

/**
 * What a store tells all its handles at once. `around` is undefined in the common case (no hooks,
 * not stale), so a getter pays one test of it; the store sets it when hooks are registered or its
 * source went stale, and every handle picks that up on its next call.
 */
export interface StoreControl {
  around: ((handle: FeatureHandle<unknown>, ctx: EvaluationContext | undefined) => EvaluationDetails<unknown>) | undefined;
  /** The store's hooks (what `around` runs), for an evaluation that brings its own. */
  hooks: readonly EvaluationHook[];
  /** Whether the store's source is stale (what `around` marks), for the same. */
  stale: boolean;
  /** While true, a missing feature answers `PROVIDER_NOT_READY` rather than `FLAG_NOT_FOUND`. */
  waiting: boolean;
  /**
   * Counts the changes a handle's {@link FeatureHandle.directEvaluator} depends on: a slot's
   * feature or override, and `around`. The store bumps it on each; a handle whose last look is
   * as recent answers from what it found then, with one comparison.
   */
  epoch: number;
}

/**
 * One key's place in a store. The store swaps `feature` on replace; every handle on the key sees
 * the new feature on its next call, with no lookup by string.
 */
export interface Slot {
  feature: OfflineFeature | undefined;
  readonly control: StoreControl;
  /** Set only while a test or developer override names this key; the hot path tests it and moves on. */
  override?: SlotOverride | undefined;
}

/**
 * A feature of a store, resolved once by key: what a generated getter holds. `evaluate` reads the
 * store's current feature for the key. It answers the fallback (the default baked into the
 * generated code) with reason `ERROR` when the store has no such feature (`FLAG_NOT_FOUND`, or
 * `PROVIDER_NOT_READY` while the store waits for its source), or when the feature has a bucket the
 * generated code does not know, or values that do not fit the value codec (`TYPE_MISMATCH`: a
 * bundle from other definitions; regenerate). The store refuses such bundles on replace once the
 * codec is registered; the handle's own check covers a feature loaded before. Never throws.
 *
 * @typeParam V the feature's value type.
 * @typeParam B its bucket names (`"default"` included or not: details add it).
 * @typeParam C the context it takes: the keys the feature reads plus the ambient overrides.
 */
export class FeatureHandle<V, B extends string = string, C extends AmbientOverrides = AmbientOverrides> {
  private readonly missing: EvaluationDetails<V, B>;
  private readonly notReady: EvaluationDetails<V, B>;
  /** The feature last checked against `buckets`, and whether it passed: one identity test per call. */
  private checked: OfflineFeature | undefined;
  private usable = false;
  private mismatch: EvaluationDetails<V, B> | undefined;
  private readonly control: StoreControl;
  /** {@link FeatureHandle.directEvaluator} as of control epoch `directEpoch` (-1: not looked yet). */
  private direct: ((ctx: AmbientOverrides | undefined) => EvaluationDetails<V, B>) | undefined = undefined;
  private directEpoch = -1;

  constructor(
    /** The feature's key in the store. */
    readonly key: string,
    private readonly slot: Slot,
    /** What evaluation answers when the store has no usable feature under the key. */
    readonly fallback: V,
    /** The bucket names the caller's types allow; undefined accepts any. */
    readonly buckets?: readonly B[],
    /** What the feature's values must fit; undefined accepts any JSON. */
    readonly codec?: ValueCodec,
  ) {
    this.control = slot.control;
    const error = new EvaluationError("FLAG_NOT_FOUND", DEFAULT_BUCKET, "", `the feature store has no feature "${key}"; returning the generated default`);
    this.missing = Object.freeze({ value: fallback, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: Object.freeze([error]) });
    const waiting = new EvaluationError("PROVIDER_NOT_READY", DEFAULT_BUCKET, "", `the feature store has not loaded its first bundle yet; returning the generated default for "${key}"`);
    this.notReady = Object.freeze({ value: fallback, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: Object.freeze([waiting]) });
  }

  /**
   * The current feature's compiled evaluator, when a call without options may go straight to it:
   * the feature is present and passed this handle's check, and no override, hook or stale source
   * is in the way; else undefined, and {@link FeatureHandle.evaluate} answers. Generated getters
   * call it from their own body: V8 keeps call feedback per function, so a getter's call sees only
   * its own feature's rules and can inline them, where the call inside `evaluate` is shared by
   * every feature of the process. Like `evaluate`, the evaluator never throws.
   */
  get directEvaluator(): ((ctx: AmbientOverrides | undefined) => EvaluationDetails<V, B>) | undefined {
    // Every getter call asks: one comparison while the store is unchanged (a field read of the
    // evaluator found then), where looking again is six reads and a getter on the feature.
    return this.directEpoch === this.control.epoch ? this.direct : this.refreshDirect();
  }

  /** Looks at the slot again (after a replace, an override, or hooks or staleness changed) and remembers the answer for this epoch. */
  private refreshDirect(): ((ctx: AmbientOverrides | undefined) => EvaluationDetails<V, B>) | undefined {
    this.directEpoch = this.control.epoch;
    const slot = this.slot;
    const feature = slot.feature;
    if (feature === undefined || slot.override !== undefined || this.control.around !== undefined) return (this.direct = undefined);
    if (feature !== this.checked) this.check(feature);
    // C (what the getter takes) reads as a context: the evaluator reads any key.
    return (this.direct = this.usable ? (feature.evaluator as (ctx: AmbientOverrides | undefined) => EvaluationDetails<V, B>) : undefined);
  }

  /** The store's current feature for the key, if any (for tools; getters use {@link FeatureHandle.evaluate}). */
  get feature(): OfflineFeature | undefined {
    return this.slot.feature;
  }

  /**
   * Evaluates the store's current feature for this key, through the store's hooks and then the
   * call's own (`options.hooks`; see {@link EvaluationHook} for the order). Never throws.
   */
  evaluate(ctx?: C, options?: EvaluationOptions): EvaluationDetails<V, B> {
    if (options !== undefined && options.hooks !== undefined && options.hooks.length > 0) return this.evaluateWith(ctx, options.hooks);
    const around = this.control.around;
    if (around !== undefined) return around(this as FeatureHandle<unknown>, ctx as EvaluationContext | undefined) as EvaluationDetails<V, B>;
    return this.evaluateNow(ctx);
  }

  /** The store's hooks around the call's, with the stale marking between: the slow path, taken only when a call brings hooks. */
  private evaluateWith(ctx: C | undefined, own: readonly EvaluationHook[]): EvaluationDetails<V, B> {
    const control = this.control;
    const outer = control.hooks;
    const context = ctx as EvaluationContext | undefined;
    runBefore(outer, own, this.key, context);
    const evaluated = this.evaluateNow(ctx) as EvaluationDetails<unknown>;
    const details = control.stale ? markStale(evaluated) : evaluated;
    runAfter(outer, own, this.key, details, context);
    return details as EvaluationDetails<V, B>;
  }

  /** Evaluates without hooks or stale marking (what {@link FeatureHandle.evaluate} wraps). Never throws. */
  evaluateNow(ctx?: C): EvaluationDetails<V, B> {
    const feature = this.slot.feature;
    const override = this.slot.override;
    if (override !== undefined) {
      const forced = override(feature);
      if (forced !== undefined) return forced as EvaluationDetails<V, B>;
    }
    if (feature === undefined) return this.control.waiting ? this.notReady : this.missing;
    if (feature !== this.checked) this.check(feature);
    if (!this.usable) return this.mismatch!;
    // C is an object type with known keys; the evaluator reads any key, hence the widening.
    return feature.evaluate(ctx as EvaluationContext | undefined) as EvaluationDetails<V, B>;
  }

  private check(feature: OfflineFeature): void {
    this.checked = feature;
    const known = this.buckets;
    const unknown = known === undefined ? undefined : feature.model.buckets.find((b) => !(known as readonly string[]).includes(b.name));
    const misfits = unknown !== undefined || this.codec === undefined ? [] : valueIssues(featurePath(this.key), feature.model, this.codec);
    this.usable = unknown === undefined && misfits.length === 0;
    if (this.usable) return;
    const message =
      unknown !== undefined
        ? `feature "${this.key}" in the store has a bucket ${JSON.stringify(unknown.name)} that the generated code does not know (expected one of ${known!.map((b) => JSON.stringify(b)).join(", ")}); regenerate, or load a bundle built from the same definitions`
        : `feature "${this.key}" in the store has values that do not fit the generated type; regenerate, or load a bundle built from the same definitions:\n${formatIssues(misfits)}`;
    const error = new EvaluationError("TYPE_MISMATCH", DEFAULT_BUCKET, "", message);
    this.mismatch = Object.freeze({ value: this.fallback, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: Object.freeze([error]) });
  }
}
