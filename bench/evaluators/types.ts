import type { R1Input, R2Input, R2Spec, R3Input } from "../cases";

/** One rule compiled by an evaluator: the input in, the bucket (or variation) name out. */
export type Evaluate<I> = (input: I) => string;
export type EvaluateAsync<I> = (input: I) => Promise<string>;

/**
 * One evaluator as the benchmark drives it: each rule is written in the evaluator's own native
 * format and run by its real evaluator. Everything in `setup` is untimed; the returned functions
 * are what is timed, and what the correctness check runs first on every input.
 */
export interface Evaluator {
  /** As printed in the table. */
  readonly name: string;
  /** The npm package measured, or undefined for code in this repository. */
  readonly packageName?: string;
  /** True when the evaluator's API is asynchronous (each evaluation is awaited when timed). */
  readonly async?: boolean;
  setup(): Promise<Rules>;
}

export interface Rules {
  readonly r1: Evaluate<R1Input> | EvaluateAsync<R1Input>;
  /** R1 with no context: this library may memoize; peers get the equivalent constant context. */
  readonly ambient: (() => string) | (() => Promise<string>);
  readonly r2: Evaluate<R2Input> | EvaluateAsync<R2Input>;
  readonly r3: Evaluate<R3Input> | EvaluateAsync<R3Input>;
  /** R5, this library only: the generated getter an application calls, with R1's inputs. */
  readonly r5?: Evaluate<R1Input>;
  /** The native JSON text holding R4's features (built untimed). */
  r4Source(specs: readonly R2Spec[]): string;
  /**
   * Loads the text (timed) and evaluates every feature once with `ctx`; the answers by spec order.
   * What it loaded stays reachable until `r4Release` (the heap measure counts it).
   */
  r4Load(text: string, specs: readonly R2Spec[], ctx: R2Input): string[] | Promise<string[]>;
  /** Drops what `r4Load` made (clients, timers), untimed. */
  r4Release?(): void | Promise<void>;
  /**
   * R3's check for evaluators that bucket with their own hash: R3 is then checked for stickiness
   * and share instead of against murmur3 (see correctness.ts). True for every peer.
   */
  readonly ownHash?: boolean;
  close?(): void | Promise<void>;
}
