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

/**
 * True when the context overrides an ambient attribute, so a process-wide memo does not apply.
 * `now` is left out: `time.now` is not process-constant, so no memoized feature reads it.
 */
export function overridesAmbient(ctx: EvaluationContext): boolean {
  return ctx.hostname !== undefined || ctx.sessionId !== undefined || ctx.sessionRandom !== undefined || ctx.processPlatform !== undefined || ctx.nodeVersion !== undefined || ctx.unitRandom !== undefined;
}
