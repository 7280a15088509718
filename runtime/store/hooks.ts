import type { EvaluationContext } from "../evaluate/context";
import type { EvaluationDetails } from "../evaluate/details";

/**
 * Callbacks around an evaluation by a store's handles (the generated getters): for metrics,
 * exposure logging, tracing. Registered on the store (`store.hooks.add`, around every evaluation)
 * or given to one call (`getTest(ctx, { hooks: [hook] })`). All are optional; they run
 * synchronously in the getter's call, and a hook that throws is ignored (a getter never throws).
 * With no hook registered or given, a getter pays two tests of an undefined value.
 *
 * Order, as OpenFeature orders its hooks: every `before` from the outside in (store hooks in the
 * order added, then the call's hooks in the order given); then every `after` (or `error`) from
 * the inside out, the exact reverse; then every `finally`, also in reverse.
 *
 * - `before`: about to evaluate `key`;
 * - `after`: evaluated, reason other than `ERROR`;
 * - `error`: evaluated with reason `ERROR` (the value is the default; `details.errors` says why);
 * - `finally`: after every `after` or `error`, every time.
 */
export interface EvaluationHook {
  before?(key: string, context: EvaluationContext | undefined): void;
  after?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
  error?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
  finally?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
}

/** What one evaluation takes beside its context: `getTest(ctx, { hooks: [exposure] })`. */
export interface EvaluationOptions {
  /**
   * Hooks for this call only, run inside the store's (see {@link EvaluationHook} for the order).
   * Hoist the options object out of a hot loop: a literal per call is an allocation per call.
   */
  readonly hooks?: readonly EvaluationHook[];
}

/** No hooks: what a store without hooks, or a call without options, contributes. */
export const NO_HOOKS: readonly EvaluationHook[] = Object.freeze([]);

/** A store's registered hooks (`store.hooks`). */
export class StoreHooks {
  private list: readonly EvaluationHook[] = [];

  /** @param changed told the new list whenever it changes, so the store re-arms its handles. */
  constructor(private readonly changed: (hooks: readonly EvaluationHook[]) => void) {}

  /** Registers `hook`; returns the function that removes it. */
  add(hook: EvaluationHook): () => void {
    this.list = Object.freeze([...this.list, hook]);
    this.changed(this.list);
    return () => this.remove(hook);
  }

  /** Removes `hook` (every registration of it). */
  remove(hook: EvaluationHook): void {
    const next = this.list.filter((h) => h !== hook);
    if (next.length === this.list.length) return;
    this.list = Object.freeze(next);
    this.changed(this.list);
  }

  /** Removes every hook. */
  clear(): void {
    if (this.list.length === 0) return;
    this.list = Object.freeze([]);
    this.changed(this.list);
  }

  /** How many hooks are registered. */
  get size(): number {
    return this.list.length;
  }
}

/*
 * Each call is wrapped in its own try/catch, written out rather than through a helper taking a
 * closure, so that a registered hook costs a call, not an allocation. `outer` are the store's
 * hooks, `inner` the call's: before runs outer then inner, in order; after, error and finally run
 * inner then outer, each list backwards (the reverse of before, as in OpenFeature).
 */

/** Every `before`: `outer` in order, then `inner` in order. */
export function runBefore(outer: readonly EvaluationHook[], inner: readonly EvaluationHook[], key: string, context: EvaluationContext | undefined): void {
  for (let n = 0; n < outer.length + inner.length; n++) {
    const h = n < outer.length ? outer[n]! : inner[n - outer.length]!;
    if (h.before === undefined) continue;
    try {
      h.before(key, context);
    } catch {
      // A metrics or logging callback must not change the answer, nor make a getter throw.
    }
  }
}

/** Every `after` (or `error` when the reason is `ERROR`), then every `finally`: `inner` backwards, then `outer` backwards. */
export function runAfter(outer: readonly EvaluationHook[], inner: readonly EvaluationHook[], key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void {
  const failed = details.reason === "ERROR";
  const total = outer.length + inner.length;
  for (let n = total - 1; n >= 0; n--) {
    const h = n < outer.length ? outer[n]! : inner[n - outer.length]!;
    try {
      if (failed) h.error?.(key, details, context);
      else h.after?.(key, details, context);
    } catch {
      // As above.
    }
  }
  for (let n = total - 1; n >= 0; n--) {
    const h = n < outer.length ? outer[n]! : inner[n - outer.length]!;
    if (h.finally === undefined) continue;
    try {
      h.finally(key, details, context);
    } catch {
      // As above.
    }
  }
}
