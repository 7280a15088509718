import * as E from "fp-ts/Either";
import { OfflineFeature } from "../offline-feature";
import { decodeBundle } from "./bundle";
import { BundleDecodeError } from "./bundle-error";
import { findCycle, formatCycle, longestChain, prerequisiteEdges } from "../model/dependencies";
import { inputLimits, overLimit, type InputLimits } from "../decode/limits";
import { FeatureC, type FeatureModel } from "../model/feature";
import { FeatureHandle, type Slot, type StoreControl } from "./handle";
import type { AmbientOverrides } from "../evaluate/context";
import { featurePath, valueIssues, type ValueCodec } from "./value-check";
import { NO_HOOKS, StoreHooks, runAfter, runBefore, type EvaluationHook } from "./hooks";
import { markStale } from "./stale";
import type { Connection, ConnectionHost, ConnectOptions } from "./connection";
import type { SourceHealth, StoreChange, StoreStatus } from "./status";
import { OverrideLayers, type OverrideHandle, type OverrideMap } from "./overrides";
import { jsonText } from "../model/json-text";
import { holdsNoWatchedNode, type DecodedFeature } from "../decode/decoded";
import { sameJson } from "../model/same-json";
import type { JsonValue } from "../model/json";

/** How a store is set up. */
export interface StoreOptions {
  /** Input limits for every bundle it loads; each one not given keeps its default ({@link DEFAULT_LIMITS}). */
  readonly limits?: Partial<InputLimits>;
}

/** Why a bundle for `bundle` does not belong in a store serving `store`, if it does not. */
function environmentProblem(bundle: string | undefined, store: string | undefined): string | undefined {
  if (store === undefined || bundle === store) return undefined;
  return bundle === undefined
    ? `the bundle names no environment; the store serves ${JSON.stringify(store)} (load generated/bundles/${store}.json)`
    : `the bundle is for environment ${JSON.stringify(bundle)}; the store serves ${JSON.stringify(store)}`;
}

/** What a store holds after a successful {@link FeatureStore.replace}. */
export interface BundleInfo {
  /** The bundle's content hash (`sha256:…`). */
  readonly hash: string;
  /** The keys it holds, sorted. */
  readonly keys: readonly string[];
}

/**
 * The features an application evaluates, by key, compiled once. Generated getters read through
 * handles ({@link FeatureStore.handle}), so replacing the contents (a bundle read at start-up, or
 * delivered by a connected source: `connect(store, source)`, ./connect.ts) takes effect everywhere at once.
 *
 * Replacing is all or nothing: a bundle is decoded and compiled completely before anything changes,
 * and a bad one leaves the last good contents in place (last-known-good).
 */
export class FeatureStore<O extends OverrideMap = OverrideMap> {
  private readonly slots = new Map<string, Slot>();
  /** The value codecs handles registered, by key: what {@link FeatureStore.replace} checks values with. */
  private readonly codecs = new Map<string, ValueCodec>();
  private readonly overrides = new OverrideLayers({ setOverride: (key, override) => {
    this.slotFor(key).override = override;
    this.control.epoch++;
  } });
  private features: ReadonlyMap<string, OfflineFeature> = new Map();
  private info: BundleInfo | undefined;
  private readonly control: StoreControl = { around: undefined, hooks: NO_HOOKS, stale: false, waiting: false, epoch: 0 };
  private hookList: readonly EvaluationHook[] = [];
  private stale = false;
  private connection: Connection | undefined;
  private loadedAt: Date | undefined;
  private loadedFrom: string | undefined;
  /** The first bundle loaded before any source was connected: what {@link embedded} reloads. */
  private embeddedBundle: unknown;
  private readonly changeListeners = new Set<(change: StoreChange) => void>();
  private readonly healthListeners = new Set<(health: SourceHealth) => void>();

  /**
   * Hooks run around every evaluation of this store's handles (every generated getter, and the
   * OpenFeature provider): `store.hooks.add({ after: (key, details) => … })`. See {@link EvaluationHook}.
   */
  readonly hooks: StoreHooks = new StoreHooks((list) => {
    this.hookList = list;
    this.rearm();
  });
  /** The environment the store serves, once told ({@link FeatureStore.useEnvironment}). */
  private environmentName: string | undefined;

  /**
   * The limits every bundle is checked against before any work: sources that stream (HTTP) stop
   * reading once `limits.bytes` is passed.
   */
  readonly limits: InputLimits;

  private constructor(options: StoreOptions) {
    this.limits = inputLimits(options.limits);
  }

  /**
   * A store with no features: every getter answers its generated default with reason `ERROR`.
   * Throws a RangeError on an invalid limit (a configuration mistake).
   */
  static empty<O extends OverrideMap = OverrideMap>(options: StoreOptions = {}): FeatureStore<O> {
    return new FeatureStore<O>(options);
  }

  /** A store holding a bundle's features (JSON text, UTF-8 bytes or a parsed value). */
  static fromBundle(json: unknown, source?: string, options: StoreOptions = {}): E.Either<BundleDecodeError, FeatureStore> {
    const store = new FeatureStore(options);
    return E.map(() => store)(store.replace(json, source));
  }

  /**
   * Replaces every feature with the bundle's, atomically. On a `Left` nothing changed: the store
   * keeps serving what it had. Features missing from the new bundle disappear from the store. A
   * bundle with the hash already held swaps nothing and tells no {@link FeatureStore.onChange} listener (only `status().loadedAt` and `loadedFrom` move).
   * A feature already evaluated that the bundle holds unchanged, and that has no prerequisite,
   * stays as it is, compiled: a live update does not slow the features it did not change.
   * A feature whose bucket values or default do not fit the value codec registered for its key
   * (the generated getters register theirs) refuses the whole bundle, with each value's JSON path
   * and the expected type: one bundle is served whole or not at all.
   *
   * @param source names the bundle in error messages (a path or URL).
   */
  replace(json: unknown, source?: string): E.Either<BundleDecodeError, BundleInfo> {
    const decoded = decodeBundle(json, source, this.limits);
    if (E.isLeft(decoded)) return decoded;
    const wrongEnvironment = environmentProblem(decoded.right.environment, this.environmentName);
    if (wrongEnvironment !== undefined) return E.left(new BundleDecodeError([{ path: "environment", message: wrongEnvironment }], source));
    if (this.info !== undefined && decoded.right.hash === this.info.hash && !this.control.waiting) {
      // The same content, confirmed: nothing to swap, but status() says where it was last read.
      this.loadedAt = new Date();
      this.loadedFrom = source;
      return E.right(this.info);
    }
    // Filled key by key: no array of [key, model] pairs for 10,000 features.
    const models = new Map<string, DecodedFeature>();
    const decodedFeatures = decoded.right.features;
    for (const key of Object.keys(decodedFeatures)) models.set(key, decodedFeatures[key]!);
    const edges = prerequisiteEdges(models);
    const cycle = findCycle(models, edges);
    if (cycle !== undefined) {
      return E.left(new BundleDecodeError([{ path: `features.${cycle[0]!}`, message: `prerequisites form a cycle: ${formatCycle(cycle)}` }], source));
    }
    const chain = longestChain(models, edges);
    if (chain.length - 1 > this.limits.prerequisiteDepth) {
      const shown = chain.length > 8 ? [...chain.slice(0, 4), "…", ...chain.slice(-3)] : chain;
      const message = `prerequisites nest ${chain.length - 1} deep (${formatCycle(shown)}); ${overLimit("prerequisiteDepth", this.limits)}`;
      return E.left(new BundleDecodeError([{ path: `features.${chain[0]!}`, message }], source));
    }
    // Only the keys a handle registered a codec for (often none): no pass over every feature.
    const misfits: ReturnType<typeof valueIssues>[number][] = [];
    for (const [key, codec] of this.codecs) {
      const model = models.get(key);
      if (model !== undefined) misfits.push(...valueIssues(featurePath(key), model, codec));
    }
    if (misfits.length > 0) return E.left(new BundleDecodeError(misfits, source));
    // Prerequisites resolve within the same bundle: one consistent snapshot per replace.
    const next = new Map<string, OfflineFeature>();
    const resolve = (key: string) => next.get(key);
    const previous = this.features;
    // A feature the decoder saw whole without a prerequisite gets no resolver: it would never call
    // it, and holding it would keep this replace's map of features alive for as long as the
    // feature lives, which a replace that keeps the feature (keptFeature) makes indefinitely.
    // forEach, not for…of: no [key, model] entry array per feature.
    models.forEach((model, key) =>
      next.set(key, keptFeature(previous.get(key), model) ?? OfflineFeature.fromCheckedModel(model, { key, resolve: holdsNoWatchedNode(model) ? undefined : resolve })),
    );
    const previousHash = this.info?.hash;
    // Everything is decoded and checked (each feature compiles on its first evaluation): switch
    // over in one synchronous pass, so no caller sees a mix.
    this.features = next;
    for (const [key, slot] of this.slots) slot.feature = next.get(key);
    this.control.epoch++;
    this.control.waiting = false;
    const info: BundleInfo = Object.freeze({ hash: decoded.right.hash, keys: Object.freeze([...next.keys()].sort()) });
    this.info = info;
    this.loadedAt = new Date();
    this.loadedFrom = source;
    if (this.connection === undefined && this.embeddedBundle === undefined) this.embeddedBundle = json;
    if (this.changeListeners.size > 0) {
      const change: StoreChange = Object.freeze({ keys: Object.freeze(changedKeys(previous, next)), hash: info.hash, previousHash });
      for (const listener of [...this.changeListeners]) guarded(() => listener(change));
    }
    return E.right(info);
  }

  /**
   * Tells the store its environment, with that environment's bundle, in one step: on success the
   * store serves the bundle and from then on {@link FeatureStore.replace} refuses a bundle generated
   * for another environment (or for none), so a staging bundle never reaches production. On a
   * `Left` nothing changed, the environment included. The generated feature store calls it once at
   * start (see `loadEnvironment`).
   */
  useEnvironment(name: string, json: unknown, source?: string): E.Either<BundleDecodeError, BundleInfo> {
    const previous = this.environmentName;
    this.environmentName = name;
    const result = this.replace(json, source);
    if (E.isLeft(result)) this.environmentName = previous;
    return result;
  }

  /** The environment the store serves, or undefined when it was never told one. */
  get environment(): string | undefined {
    return this.environmentName;
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
   * Given `codec`, every later {@link FeatureStore.replace} checks the key's values with it, and
   * the handle answers `fallback` with a `TYPE_MISMATCH` for a feature held before that does not fit.
   */
  handle<V, B extends string = string, C extends AmbientOverrides = AmbientOverrides>(
    key: string,
    fallback: V,
    buckets?: readonly B[],
    codec?: ValueCodec,
  ): FeatureHandle<V, B, C> {
    if (codec !== undefined) this.codecs.set(key, codec);
    return new FeatureHandle<V, B, C>(key, this.slotFor(key), fallback, buckets, codec);
  }

  /**
   * Forces features for tests and local development: by bucket (`{ test: "holdout" }`, the value
   * is that bucket's) or by value (`{ welcome: { value: banner } }`). Getters answer with reason
   * `OVERRIDE` until the handle's `restore()`; later calls stack over earlier ones. Prerequisites
   * of other features still see real targeting. Generated code types the keys, buckets and values.
   */
  override(overrides: O): OverrideHandle {
    return this.overrides.push(overrides);
  }

  /**
   * Runs `fn` with `overrides` in force for its async context only (through `AsyncLocalStorage`),
   * so tests running concurrently do not see each other's. Returns what `fn` returns; a promise's
   * overrides last until it settles.
   */
  withOverrides<R>(overrides: O, fn: () => R): R {
    return this.overrides.run(overrides, fn);
  }

  private slotFor(key: string): Slot {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = { feature: this.features.get(key), control: this.control };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /**
   * Swaps in the connection `open` builds (closing one connected before) and starts it: the body of
   * `connect(store, source, options)` (./connect.ts), which applications call. Kept apart from the
   * Connection class, so a bundle of an application that never connects a source leaves it out.
   * @internal
   */
  attachConnection(open: (host: ConnectionHost) => Connection, until: ConnectOptions["until"]): this {
    const previous = this.connection;
    if (previous !== undefined) void previous.close();
    if (until === "defaults") {
      this.features = new Map();
      for (const slot of this.slots.values()) slot.feature = undefined;
      this.control.epoch++;
      this.info = undefined;
      this.control.waiting = true;
    }
    this.connection = open({
      limits: this.limits,
      load: (bundle, origin) => this.replace(bundle, origin),
      embedded: () => this.embeddedBundle,
      setStale: (stale) => this.setStale(stale),
      health: (health) => {
        for (const listener of [...this.healthListeners]) guarded(() => listener(health));
      },
    });
    this.connection.start();
    return this;
  }

  /**
   * Resolves once the connected source (or, when it is unreachable, the backup) has delivered a
   * good bundle; at once when that already happened or no source is connected. Rejects after
   * `timeoutMs` with an error naming the source and its last failure; the store keeps trying.
   */
  ready(timeoutMs = 10_000): Promise<void> {
    return this.connection === undefined ? Promise.resolve() : this.connection.ready(timeoutMs);
  }

  /** Where the bundle held came from and how fresh it is. */
  status(): StoreStatus {
    const c = this.connection;
    return Object.freeze({
      source: c?.source.name,
      hash: this.info?.hash,
      loadedAt: this.loadedAt,
      loadedFrom: this.loadedFrom,
      checkedAt: c?.checkedAt,
      lastError: c?.lastError,
      stale: this.stale,
    });
  }

  /** Calls `listener` after every swap to a different bundle, with the keys that changed. Returns the unsubscribe function. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Calls `listener` when the source starts failing, goes stale, or recovers. Returns the unsubscribe function. */
  onHealth(listener: (health: SourceHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  /**
   * Disconnects the source, releasing every watcher, timer and socket it and the store hold. The
   * store keeps serving its last bundle. A pending {@link FeatureStore.ready} rejects.
   */
  async close(): Promise<void> {
    const c = this.connection;
    this.connection = undefined;
    this.setStale(false);
    if (c !== undefined) await c.close();
  }

  private setStale(stale: boolean): void {
    if (this.stale === stale) return;
    this.stale = stale;
    this.rearm();
  }

  /** Points every handle at the cheapest evaluation that honours the hooks and staleness. */
  private rearm(): void {
    const hooks = this.hookList;
    const stale = this.stale;
    this.control.hooks = hooks;
    this.control.stale = stale;
    this.control.epoch++;
    if (hooks.length === 0 && !stale) {
      this.control.around = undefined;
      return;
    }
    if (hooks.length === 0) {
      this.control.around = (handle, ctx) => markStale(handle.evaluateNow(ctx));
      return;
    }
    this.control.around = (handle, ctx) => {
      runBefore(hooks, NO_HOOKS, handle.key, ctx);
      const evaluated = handle.evaluateNow(ctx);
      const details = stale ? markStale(evaluated) : evaluated;
      runAfter(hooks, NO_HOOKS, handle.key, details, ctx);
      return details;
    };
  }
}

/**
 * The feature held before, when it has compiled (it was evaluated), the new bundle holds it
 * unchanged, and it depends on nothing a replace changes: no prerequisite (resolved within its
 * own bundle) and no value read at load (runtime/decode/decoded.ts tells both without a walk).
 * Keeping it keeps its compiled closures, so a live update of some features leaves the others
 * as V8 optimized them, with nothing to compile on their next call: new closures for the same
 * rules would start cold and add targets to the call feedback the old ones left. A feature never
 * evaluated is not compared: keeping it would save nothing.
 */
function keptFeature(held: OfflineFeature | undefined, model: DecodedFeature): OfflineFeature | undefined {
  if (held === undefined || !held.isCompiled || !holdsNoWatchedNode(model) || !holdsNoWatchedNode(held.model)) return undefined;
  return sameJson(held.model as unknown as JsonValue, model as unknown as JsonValue) ? held : undefined;
}

/** The keys added, removed, or whose canonical JSON differs, sorted. */
function changedKeys(before: ReadonlyMap<string, OfflineFeature>, after: ReadonlyMap<string, OfflineFeature>): string[] {
  // jsonText, not JSON.stringify: a feature at the depth ceiling can run V8's recursive writer out of stack.
  const canonical = (model: FeatureModel) => jsonText(FeatureC.encode(model));
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => {
    const a = before.get(key);
    const b = after.get(key);
    // A feature kept across the replace (see keptFeature) is unchanged by definition.
    return a === undefined || b === undefined || (a !== b && canonical(a.model) !== canonical(b.model));
  }).sort();
}

function guarded(run: () => void): void {
  try {
    run();
  } catch {
    // A listener's failure is its own; the swap is done and other listeners still hear of it.
  }
}
