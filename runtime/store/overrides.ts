import { AsyncLocalStorage } from "node:async_hooks";
import type { OfflineFeature } from "../offline-feature";
import { EvaluationError, NO_ERRORS, type EvaluationDetails } from "../evaluate/details";
import { DEFAULT_BUCKET } from "../model/feature";
import type { JsonValue } from "../model/json";

/**
 * What one feature is forced to: a bucket by name (its value is that bucket's, in the feature the
 * store holds), or a value given outright. The bucket name `"default"` forces the default.
 */
export type FeatureOverride<V = unknown, B extends string = string> = B | "default" | { readonly value: V };

/** Overrides by feature key. Generated code narrows this to each feature's buckets and values. */
export type OverrideMap = { readonly [key: string]: FeatureOverride | undefined };

/** Undoes what {@link FeatureStore.override} did, restoring the overrides in force before it. */
export interface OverrideHandle {
  restore(): void;
}

/**
 * How a slot answers while it is overridden: the forced details, or undefined to evaluate as usual
 * (a scoped override of another async context). Computed on each call: overrides are for tests and
 * local development, never the hot path, which only tests that this is undefined.
 */
export type SlotOverride = (feature: OfflineFeature | undefined) => EvaluationDetails<unknown> | undefined;

/** What the override layer needs of the store: where to install, per key. */
export interface OverrideTarget {
  setOverride(key: string, override: SlotOverride | undefined): void;
}

/**
 * The store's overrides: a stack of global layers ({@link OverrideLayers.push}, restored in any
 * order) and scoped ones that hold only inside one async context ({@link OverrideLayers.run},
 * through `AsyncLocalStorage`, so concurrent tests do not see each other's).
 */
export class OverrideLayers {
  private readonly global: { readonly id: number; readonly map: OverrideMap }[] = [];
  private readonly scope = new AsyncLocalStorage<OverrideMap>();
  /** How many active scopes name each key: while positive the slot consults the async context. */
  private readonly scoped = new Map<string, number>();
  private next = 0;

  constructor(private readonly target: OverrideTarget) {}

  /** Adds a global layer over the others; its handle removes it. */
  push(map: OverrideMap): OverrideHandle {
    const layer = { id: this.next++, map: { ...map } };
    this.global.push(layer);
    this.install(Object.keys(layer.map));
    let restored = false;
    return {
      restore: () => {
        if (restored) return;
        restored = true;
        const i = this.global.findIndex((l) => l.id === layer.id);
        if (i >= 0) this.global.splice(i, 1);
        this.install(Object.keys(layer.map));
      },
    };
  }

  /** Runs `fn` with `map` over the overrides in force, for this async context only. */
  run<R>(map: OverrideMap, fn: () => R): R {
    const merged = { ...(this.scope.getStore() ?? {}), ...map };
    const keys = Object.keys(map);
    for (const key of keys) this.scoped.set(key, (this.scoped.get(key) ?? 0) + 1);
    this.install(keys);
    const release = () => {
      for (const key of keys) {
        const n = (this.scoped.get(key) ?? 1) - 1;
        if (n <= 0) this.scoped.delete(key);
        else this.scoped.set(key, n);
      }
      this.install(keys);
    };
    let result: R;
    try {
      result = this.scope.run(merged, fn);
    } catch (e) {
      release();
      throw e;
    }
    if (isPromiseLike(result)) {
      return Promise.resolve(result).finally(release) as R;
    }
    release();
    return result;
  }

  private install(keys: readonly string[]): void {
    for (const key of keys) this.target.setOverride(key, this.answerFor(key));
  }

  /** The slot override for `key` given the layers in force now, or undefined when none names it. */
  private answerFor(key: string): SlotOverride | undefined {
    let forced: FeatureOverride | undefined;
    for (let i = this.global.length - 1; i >= 0 && forced === undefined; i--) forced = own(this.global[i]!.map, key);
    const globalAnswer = forced === undefined ? undefined : answer(key, forced);
    if (!this.scoped.has(key)) return globalAnswer;
    return (feature) => {
      const store = this.scope.getStore();
      const inScope = store === undefined ? undefined : own(store, key);
      if (inScope !== undefined) return answer(key, inScope)(feature);
      return globalAnswer?.(feature);
    };
  }
}

/** Only a map's own entries count: `constructor` must not find `Object.prototype.constructor`. */
function own(map: OverrideMap, key: string): FeatureOverride | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** The details an override gives: reason `OVERRIDE`, so nobody mistakes it for targeting. */
function answer(key: string, forced: FeatureOverride): SlotOverride {
  if (typeof forced === "object") {
    const value = forced.value as JsonValue;
    let cache: { feature: OfflineFeature | undefined; details: EvaluationDetails<unknown> } | undefined;
    return (feature) => {
      if (cache === undefined || cache.feature !== feature) {
        // A forced value reports the bucket that holds it, when one does, so bucket-keyed logic agrees.
        const text = JSON.stringify(value);
        const bucket = feature?.model.buckets.find((b) => JSON.stringify(b.value) === text)?.name ?? DEFAULT_BUCKET;
        cache = { feature, details: Object.freeze({ value, bucket, reason: "OVERRIDE", errors: NO_ERRORS }) };
      }
      return cache.details;
    };
  }
  let cache: { feature: OfflineFeature | undefined; details: EvaluationDetails<unknown> | undefined } | undefined;
  return (feature) => {
    if (cache === undefined || cache.feature !== feature) cache = { feature, details: bucketDetails(key, forced, feature) };
    return cache.details;
  };
}

function bucketDetails(key: string, bucket: string, feature: OfflineFeature | undefined): EvaluationDetails<unknown> | undefined {
  // Without the feature there is no bucket value to force: evaluate as usual (FLAG_NOT_FOUND).
  if (feature === undefined) return undefined;
  if (bucket === DEFAULT_BUCKET) return Object.freeze({ value: feature.model.default, bucket, reason: "OVERRIDE", errors: NO_ERRORS });
  const found = feature.model.buckets.find((b) => b.name === bucket);
  if (found !== undefined) return Object.freeze({ value: found.value, bucket, reason: "OVERRIDE", errors: NO_ERRORS });
  const names = feature.model.buckets.map((b) => JSON.stringify(b.name)).join(", ");
  const error = new EvaluationError("TYPE_MISMATCH", DEFAULT_BUCKET, "", `override of feature "${key}" names bucket ${JSON.stringify(bucket)}, which it does not have (expected one of ${names}, or "default")`);
  return Object.freeze({ value: feature.model.default, bucket: DEFAULT_BUCKET, reason: "ERROR", errors: Object.freeze([error]) });
}
