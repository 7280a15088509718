import {
  FlagNotFoundError,
  GeneralError,
  InvalidContextError,
  OpenFeatureEventEmitter,
  ParseError,
  ProviderEvents,
  ProviderNotReadyError,
  StandardResolutionReasons,
  TargetingKeyMissingError,
  TypeMismatchError,
  type EvaluationContext as OpenFeatureContext,
  type JsonValue as OpenFeatureJson,
  type Provider,
  type ResolutionDetails,
} from "@openfeature/server-sdk";
import { absurd } from "fp-ts/function";
import type { FeatureStore } from "../store/store";
import type { FeatureModel } from "../model/feature";
import type { FeatureHandle } from "../store/handle";
import type { EvaluationContext } from "../evaluate/context";
import type { EvaluationDetails } from "../evaluate/details";
import { BundleDecodeError } from "../store/bundle-error";
import { describeValue } from "../describe-value";
import { compactTrace } from "../evaluate/trace";
import { evaluateWithTrace } from "../evaluate/evaluate-with-trace";
import { isSplit, readsUnit } from "./split";

/** Options of {@link OfflineFeaturesProvider}. */
export interface OfflineFeaturesProviderOptions {
  /** The store to evaluate (the generated `store`, usually already connected to a source). */
  readonly store: FeatureStore;
  /** How long `initialize` waits for the store's first bundle (`store.ready`), default 10 s. */
  readonly readyTimeoutMs?: number;
  /**
   * Context keys that take the targeting key when the OpenFeature context lacks them: list the
   * key your unit rollouts hash (`unitRandom(ctx.string("userId"))` → `["userId"]`).
   * `targetingKey` itself is always available to rules as the context key `targetingKey`.
   */
  readonly targetingKeyAttributes?: readonly string[];
  /**
   * Puts a one-line trace in `flagMetadata.trace` (each bucket tried, its outcome and the leaf
   * that settled it; see `compactTrace`). Off by default: it evaluates a second time, traced.
   */
  readonly traceInMetadata?: boolean;
}

type ValueKind = "boolean" | "string" | "number" | "object";

const fits: Record<ValueKind, (value: unknown) => boolean> = {
  boolean: (v) => typeof v === "boolean",
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number",
  object: (v) => typeof v === "object" && v !== null,
};

/**
 * An OpenFeature server provider over a {@link FeatureStore}: `OpenFeature.setProviderAndWait(new
 * OfflineFeaturesProvider({ store }))`. Evaluation is local, through the same handles as the
 * generated getters (so the store's hooks and STALE marking apply), and gives the same answers.
 *
 * - `variant` is the bucket name (`"default"` when none matched); `flagMetadata` has `bucketIndex`
 *   (-1 for the default) and `bundleHash`.
 * - Reasons: `TARGETING_MATCH`; `SPLIT` when the matching bucket's rule reads `random.unit` or
 *   `random.session` (a hash rollout decided); `DEFAULT`; `DISABLED` (outside its Node versions);
 *   `STALE` (the store's source is stale).
 * - Errors, thrown as the SDK's classes (the SDK then answers the caller's default, reason `ERROR`):
 *   `FLAG_NOT_FOUND` (no such key), `PARSE_ERROR` (the store holds nothing because its bundle did
 *   not decode), `PROVIDER_NOT_READY` (the store waits for its first bundle), `TYPE_MISMATCH` (the
 *   value is not of the requested type), `TARGETING_KEY_MISSING` (no bucket matched, a rule lacked
 *   a context key, the feature has a unit rollout and the context no targeting key),
 *   `INVALID_CONTEXT` (no bucket matched because a context key was missing or of the wrong type),
 *   `GENERAL` for other evaluation errors.
 * - The targeting key becomes `sessionId` (unless the context sets one), so `random.session`
 *   rollouts are sticky per targeting key, and fills the `targetingKeyAttributes`.
 * - Events: `PROVIDER_CONFIGURATION_CHANGED` with `flagsChanged` on every reload that changes
 *   features; `PROVIDER_ERROR` when the source starts failing; `PROVIDER_STALE` when the store goes
 *   stale; `PROVIDER_READY` when the source recovers. `onClose` closes the store's source.
 */
export class OfflineFeaturesProvider implements Provider {
  readonly metadata = { name: "offline-features" } as const;
  readonly runsOn = "server" as const;
  readonly events = new OpenFeatureEventEmitter();
  private readonly store: FeatureStore;
  private readonly handles = new Map<string, FeatureHandle<unknown>>();
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly options: OfflineFeaturesProviderOptions) {
    this.store = options.store;
    this.unsubscribe = [
      this.store.onChange((change) => this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: [...change.keys] })),
      this.store.onHealth((health) => {
        switch (health.__type) {
          case "failing":
            return this.events.emit(ProviderEvents.Error, { message: health.error.message });
          case "stale":
            return this.events.emit(ProviderEvents.Stale, { message: `no successful check of ${this.store.status().source ?? "the source"} for too long` });
          case "recovered":
            return this.events.emit(ProviderEvents.Ready, {});
          default:
            return absurd(health);
        }
      }),
    ];
  }

  /** Waits for the store's first bundle (at once when it has no source or already has one). */
  async initialize(): Promise<void> {
    await this.store.ready(this.options.readyTimeoutMs ?? 10_000);
  }

  /** Stops listening to the store and closes it (its source's watchers, timers and sockets). */
  async onClose(): Promise<void> {
    for (const off of this.unsubscribe) off();
    await this.store.close();
  }

  async resolveBooleanEvaluation(flagKey: string, _defaultValue: boolean, context: OpenFeatureContext): Promise<ResolutionDetails<boolean>> {
    return this.resolve(flagKey, "boolean", context) as ResolutionDetails<boolean>;
  }

  async resolveStringEvaluation(flagKey: string, _defaultValue: string, context: OpenFeatureContext): Promise<ResolutionDetails<string>> {
    return this.resolve(flagKey, "string", context) as ResolutionDetails<string>;
  }

  async resolveNumberEvaluation(flagKey: string, _defaultValue: number, context: OpenFeatureContext): Promise<ResolutionDetails<number>> {
    return this.resolve(flagKey, "number", context) as ResolutionDetails<number>;
  }

  async resolveObjectEvaluation<T extends OpenFeatureJson>(flagKey: string, _defaultValue: T, context: OpenFeatureContext): Promise<ResolutionDetails<T>> {
    return this.resolve(flagKey, "object", context) as ResolutionDetails<T>;
  }

  /** Evaluates synchronously; throws the SDK's error classes, which the SDK turns into error details. */
  private resolve(key: string, kind: ValueKind, context: OpenFeatureContext): ResolutionDetails<unknown> {
    const handle = this.handleOf(key);
    const feature = handle.feature;
    const ctx = this.contextOf(context);
    const details = handle.evaluate(ctx);
    if (details.reason === "ERROR") throw this.errorOf(key, details, context, feature?.model);
    if (!fits[kind](details.value)) {
      throw new TypeMismatchError(`feature "${key}" answered ${describeValue(details.value)} (bucket "${details.bucket}"), not a ${kind}`);
    }
    const index = feature === undefined ? -1 : feature.model.buckets.findIndex((b) => b.name === details.bucket);
    const reason =
      details.reason === "TARGETING_MATCH"
        ? index >= 0 && isSplit(feature!.model, index)
          ? StandardResolutionReasons.SPLIT
          : StandardResolutionReasons.TARGETING_MATCH
        : details.reason === "OVERRIDE"
          ? StandardResolutionReasons.STATIC
          : details.reason;
    const trace: Record<string, string> =
      this.options.traceInMetadata === true && feature !== undefined && details.reason !== "OVERRIDE" ? { trace: compactTrace(evaluateWithTrace(feature, ctx).trace) } : {};
    return {
      value: details.value,
      variant: details.bucket,
      reason,
      flagMetadata: { bucketIndex: index, bundleHash: this.store.hash ?? "", ...trace },
    };
  }

  private handleOf(key: string): FeatureHandle<unknown> {
    let handle = this.handles.get(key);
    if (handle === undefined) {
      handle = this.store.handle<unknown>(key, undefined);
      this.handles.set(key, handle);
    }
    return handle;
  }

  /** The OpenFeature context as the evaluator reads it, with the targeting key where documented. */
  private contextOf(context: OpenFeatureContext): EvaluationContext {
    const targetingKey = context.targetingKey;
    if (targetingKey === undefined) return context as EvaluationContext;
    const filled: Record<string, unknown> = { ...context };
    if (filled.sessionId === undefined) filled.sessionId = targetingKey;
    for (const name of this.options.targetingKeyAttributes ?? []) if (filled[name] === undefined) filled[name] = targetingKey;
    return filled as EvaluationContext;
  }

  private errorOf(key: string, details: EvaluationDetails<unknown>, context: OpenFeatureContext, model: FeatureModel | undefined): Error {
    const first = details.errors[0];
    const message = details.errors.map((e) => (e.path === "" ? e.message : e.toString())).join("; ") || `feature "${key}" could not be evaluated`;
    const code = first?.code;
    switch (code) {
      case "FLAG_NOT_FOUND": {
        const lastError = this.store.status().lastError;
        if (this.store.hash === undefined && lastError instanceof BundleDecodeError) return new ParseError(lastError.message);
        return new FlagNotFoundError(`the store has no feature "${key}"`);
      }
      case "PROVIDER_NOT_READY":
        return new ProviderNotReadyError(message);
      case "ATTRIBUTE_MISSING":
        if (context.targetingKey === undefined && model !== undefined && readsUnit(model)) {
          return new TargetingKeyMissingError(`feature "${key}" has a unit rollout and the context has no targetingKey: ${message}`);
        }
        return new InvalidContextError(message);
      case "TYPE_MISMATCH":
        return new InvalidContextError(message);
      case "ATTRIBUTE_ERROR":
      case "PREREQUISITE_ERROR":
      case "REGEX_ENGINE_MISSING":
      case undefined:
        return new GeneralError(message);
      default:
        return absurd(code);
    }
  }
}
