import * as E from "fp-ts/Either";
import { OfflineFeature } from "../offline-feature";
import { decodeBundle } from "./bundle";
import { BundleDecodeError } from "./bundle-error";
import { findCycle, formatCycle } from "../model/dependencies";
import { FeatureHandle, type Slot } from "./handle";
import type { AmbientOverrides } from "../evaluate/context";

/** What a store holds after a successful {@link FeatureStore.replace}. */
export interface BundleInfo {
  /** The bundle's content hash (`sha256:…`). */
  readonly hash: string;
  /** The keys it holds, sorted. */
  readonly keys: readonly string[];
}

/**
 * The features an application evaluates, by key, compiled once. Generated getters read through
 * handles ({@link FeatureStore.handle}), so replacing the contents (a bundle read at start-up;
 * later, a file or HTTP source) takes effect everywhere at once.
 *
 * Replacing is all or nothing: a bundle is decoded and compiled completely before anything changes,
 * and a bad one leaves the last good contents in place (last-known-good).
 */
export class FeatureStore {
  private readonly slots = new Map<string, Slot>();
  private features: ReadonlyMap<string, OfflineFeature> = new Map();
  private info: BundleInfo | undefined;

  private constructor() {}

  /** A store with no features: every getter answers its generated default with reason `ERROR`. */
  static empty(): FeatureStore {
    return new FeatureStore();
  }

  /** A store holding a bundle's features (JSON text or a parsed value). Never throws. */
  static fromBundle(json: unknown, source?: string): E.Either<BundleDecodeError, FeatureStore> {
    const store = new FeatureStore();
    return E.map(() => store)(store.replace(json, source));
  }

  /**
   * Replaces every feature with the bundle's, atomically. On a `Left` nothing changed: the store
   * keeps serving what it had. Features missing from the new bundle disappear from the store.
   *
   * @param source names the bundle in error messages (a path or URL).
   */
  replace(json: unknown, source?: string): E.Either<BundleDecodeError, BundleInfo> {
    const decoded = decodeBundle(json, source);
    if (E.isLeft(decoded)) return decoded;
    const models = new Map(Object.entries(decoded.right.features));
    const cycle = findCycle(models);
    if (cycle !== undefined) {
      return E.left(new BundleDecodeError([{ path: `features.${cycle[0]!}`, message: `prerequisites form a cycle: ${formatCycle(cycle)}` }], source));
    }
    // Prerequisites resolve within the same bundle: one consistent snapshot per replace.
    const next = new Map<string, OfflineFeature>();
    const resolve = (key: string) => next.get(key);
    for (const [key, model] of models) next.set(key, OfflineFeature.fromModel(model, { key, resolve }));
    // Everything is compiled: switch over in one synchronous pass, so no caller sees a mix.
    this.features = next;
    for (const [key, slot] of this.slots) slot.feature = next.get(key);
    const info: BundleInfo = Object.freeze({ hash: decoded.right.hash, keys: Object.freeze([...next.keys()].sort()) });
    this.info = info;
    return E.right(info);
  }

  /** The feature under `key`, if any. Rules that depend on another feature resolve it through this. */
  resolve(key: string): OfflineFeature | undefined {
    return this.features.get(key);
  }

  /** The keys held, sorted. */
  keys(): readonly string[] {
    return this.info?.keys ?? [];
  }

  /** The hash of the bundle held, or undefined for an empty store. */
  get hash(): string | undefined {
    return this.info?.hash;
  }

  /**
   * A handle on `key`, resolved once: it follows every later replace. `fallback` is what it
   * answers while the store has no such feature, or (given `buckets`) one with a bucket not listed.
   */
  handle<V, B extends string = string, C extends AmbientOverrides = AmbientOverrides>(key: string, fallback: V, buckets?: readonly B[]): FeatureHandle<V, B, C> {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = { feature: this.features.get(key) };
      this.slots.set(key, slot);
    }
    return new FeatureHandle<V, B, C>(key, slot, fallback, buckets);
  }
}
