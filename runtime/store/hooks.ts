import type { EvaluationContext } from "../evaluate/context";
import type { EvaluationDetails } from "../evaluate/details";

/**
 * Callbacks around every evaluation a store's handles (the generated getters) make: for metrics,
 * exposure logging, tracing. All are optional; they run synchronously in the getter's call, in the
 * order hooks were added, and a hook that throws is ignored (a getter never throws). With no hook
 * registered a getter pays one test of an undefined field.
 *
 * - `before`: about to evaluate `key`;
 * - `after`: evaluated, reason other than `ERROR`;
 * - `error`: evaluated with reason `ERROR` (the value is the default; `details.errors` says why);
 * - `finally`: after `after` or `error`, every time.
 */
export interface EvaluationHook {
  before?(key: string, context: EvaluationContext | undefined): void;
  after?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
  error?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
  finally?(key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void;
}

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
 * closure, so that a registered hook costs a call, not an allocation.
 */

/** Every `before`, in order. */
export function runBefore(hooks: readonly EvaluationHook[], key: string, context: EvaluationContext | undefined): void {
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i]!;
    if (h.before === undefined) continue;
    try {
      h.before(key, context);
    } catch {
      // A metrics or logging callback must not change the answer, nor make a getter throw.
    }
  }
}

/** Every `after` (or `error` when the reason is `ERROR`), then every `finally`. */
export function runAfter(hooks: readonly EvaluationHook[], key: string, details: EvaluationDetails<unknown>, context: EvaluationContext | undefined): void {
  const failed = details.reason === "ERROR";
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i]!;
    try {
      if (failed) h.error?.(key, details, context);
      else h.after?.(key, details, context);
    } catch {
      // As above.
    }
  }
  for (let i = 0; i < hooks.length; i++) {
    const h = hooks[i]!;
    if (h.finally === undefined) continue;
    try {
      h.finally(key, details, context);
    } catch {
      // As above.
    }
  }
}
