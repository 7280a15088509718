/** What `store.status()` reports: where the bundle came from and how fresh it is. */
export interface StoreStatus {
  /** The connected source's name (a path, a URL, `"embedded"`), or undefined when none is connected. */
  readonly source: string | undefined;
  /** The hash of the bundle held (`sha256:…`), or undefined while the store is empty. */
  readonly hash: string | undefined;
  /** When the bundle held was loaded (from the source, the backup, or `replace`). */
  readonly loadedAt: Date | undefined;
  /** Where the bundle held came from: the source's name, the backup's path, or what `replace` was told. */
  readonly loadedFrom: string | undefined;
  /** When the source was last checked successfully (a new bundle, or confirmation that nothing changed). */
  readonly checkedAt: Date | undefined;
  /** Why the last check failed; cleared by the next successful one. */
  readonly lastError: Error | undefined;
  /** True after `staleAfterMs` without a successful check: evaluations then say reason `STALE`. */
  readonly stale: boolean;
}

/** The keys a new bundle changed: added, removed, or with different rules or values. */
export interface StoreChange {
  readonly keys: readonly string[];
  /** The hash of the bundle now held. */
  readonly hash: string;
  /** The hash of the bundle held before, if any. */
  readonly previousHash: string | undefined;
}

/**
 * A change in the health of a store's source, reported on transitions only, not on every check:
 * - `failing`: a check failed after the last one succeeded (or before any did);
 * - `stale`: `staleAfterMs` passed without a successful check;
 * - `recovered`: a check succeeded after `failing` or `stale`.
 */
export type SourceHealth =
  | { readonly __type: "failing"; readonly error: Error }
  | { readonly __type: "stale" }
  | { readonly __type: "recovered" };
