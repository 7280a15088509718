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

function guarded(run: () => void): void {
  try {
    run();
  } catch {
    // A metrics or logging callback must not change the answer, nor make a getter throw.
  }
}

/** Runs the hooks around `evaluate`: every `before`, the evaluation, every `after` or `error`, every `finally`. */
export function runWithHooks(
  hooks: readonly EvaluationHook[],
  key: string,
  context: EvaluationContext | undefined,
  evaluate: () => EvaluationDetails<unknown>,
): EvaluationDetails<unknown> {
  for (const h of hooks) if (h.before !== undefined) guarded(() => h.before!(key, context));
  const details = evaluate();
  const failed = details.reason === "ERROR";
  for (const h of hooks) {
    const step = failed ? h.error : h.after;
    if (step !== undefined) guarded(() => step.call(h, key, details, context));
  }
  for (const h of hooks) if (h.finally !== undefined) guarded(() => h.finally!(key, details, context));
  return details;
}
