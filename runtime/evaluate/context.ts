import { processHostname, processSessionRandom } from "../compile/ambient";

/**
 * Ambient attributes the context may override. Tests pin them; servers that evaluate on behalf of
 * many clients pass each client's own.
 */
export interface AmbientOverrides {
  /** Replaces the machine's hostname for `socket.hostname`. */
  readonly hostname?: string;
  /** Makes `random.session` a deterministic hash of this id instead of the process's own number. */
  readonly sessionId?: string;
  /** Replaces `random.session` outright; must be a number in [0, 1). */
  readonly sessionRandom?: number;
  /**
   * Replaces Node's `process.platform` for `process.platform` rules ("linux", "darwin", "win32", …).
   * Not named `platform`, which applications use for their clients' platform (ios, android, web).
   */
  readonly processPlatform?: string;
  /** Replaces the running Node version, for `process.node_version` and `node_versions` ("22.1.0"). */
  readonly nodeVersion?: string;
  /** Replaces the clock for `time.now`: milliseconds since the epoch. Pins time-based rules in tests. */
  readonly now?: number;
  /**
   * Replaces the number of every `random.unit` rollout (whatever its unit and salt) with this
   * number in [0, 1), without reading the unit: a test or spec case pins a percentage rollout
   * ("the first 10% of users") without hunting for an id that hashes there.
   */
  readonly unitRandom?: number;
}

/** The names of the ambient overrides; no context attribute may take one. */
export const AMBIENT_KEYS: readonly (keyof AmbientOverrides)[] = ["hostname", "sessionId", "sessionRandom", "processPlatform", "nodeVersion", "now", "unitRandom"];

/**
 * What an evaluation reads: the ambient overrides plus request attributes (`userId`, `country`, …)
 * that context attributes name. Generated getters narrow this to exactly the keys a feature reads.
 */
export interface EvaluationContext extends AmbientOverrides {
  readonly [attribute: string]: unknown;
}

/** No context: what an evaluation called without one reads (frozen, one for the whole runtime). */
export const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

/** The ambient overrides a memo may be computed with: see {@link memoContext}. */
export type PinnableKey = "hostname" | "sessionRandom";

/**
 * The context a process-constant feature computes its memo with: the process's own values under
 * the keys `pinned` names (where an attribute reads them exactly as it would read no context),
 * nothing under the others. The answer is the one no context gives; the point is what V8 sees.
 * The rules' closures are shared with every feature of the same kinds, and an empty record run
 * through them once, after they were optimized for the contexts of real calls, made those calls
 * slower for the rest of the process. R1 (hostname and session random pinned by each call), six
 * processes each (bench/measure/sequence.ts, 2026-12-03): 20.2 to 33.8 ns, 0.99x to 1.71x the
 * floor, with the empty record; 21.5 to 23.5 ns, 0.99x to 1.08x, with this one, whose shape is
 * that of a context pinning the same keys. One literal per set of keys, in one order, so that it
 * has the shape such a literal has in a caller.
 *
 * Reading the process's values may throw (`os.hostname()` can): the memo is then computed with no
 * context, and the rules meet the throw in their own getters, where the loop makes it a bucket
 * error, as before the record was filled.
 */
export function memoContext(pinned: ReadonlySet<PinnableKey>): EvaluationContext {
  const hostname = pinned.has("hostname");
  const sessionRandom = pinned.has("sessionRandom");
  try {
    if (hostname && sessionRandom) return { hostname: processHostname(), sessionRandom: processSessionRandom() };
    if (hostname) return { hostname: processHostname() };
    if (sessionRandom) return { sessionRandom: processSessionRandom() };
  } catch {
    // As above: no context.
  }
  return EMPTY_CONTEXT;
}

/**
 * True when the context overrides an ambient attribute, so a process-wide memo does not apply.
 * `now` is left out: `time.now` is not process-constant, so no memoized feature reads it.
 */
export function overridesAmbient(ctx: EvaluationContext): boolean {
  return ctx.hostname !== undefined || ctx.sessionId !== undefined || ctx.sessionRandom !== undefined || ctx.processPlatform !== undefined || ctx.nodeVersion !== undefined || ctx.unitRandom !== undefined;
}
