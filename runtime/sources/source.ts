/*
 * The contract between a store and where its bundles come from. A source knows how to fetch and
 * when to look again; the store decides what a bundle is worth (decode, hash, compile, swap) and
 * tells the source whether it took it, so the source can back off or remember an ETag only for a
 * bundle that was actually loaded. Sources never throw into the store and never swap anything.
 */

import { overLimit, type InputLimits } from "../decode/limits";

/** What a source reports to the store that drives it. */
export interface SourceSink {
  /**
   * The limits of the store this sink feeds (`store.limits`): a source refuses a body or file
   * past `limits.bytes` before reading it whole or parsing it (see {@link byteLimit}).
   */
  readonly limits: InputLimits;
  /**
   * A bundle arrived: JSON text or a parsed value. The store decodes and loads it (or keeps what it
   * has) and answers `undefined` when the bundle is loaded or identical to the one held, else the
   * error that refused it.
   *
   * @param origin names this copy in messages when it is not the source itself (a backup file).
   */
  offer(bundle: unknown, origin?: string): Error | undefined;
  /** A check succeeded and found nothing new (HTTP 304, a file whose bytes did not change). */
  unchanged(): void;
  /** A check failed (unreachable, timeout, 5xx, missing file); the store keeps its bundle. */
  failed(error: Error): void;
  /** The bundle the store was built with before any source was connected (for {@link embedded}). */
  readonly embedded: unknown;
}

/**
 * Where a store's bundles come from: {@link fileSource}, {@link httpSource}, {@link embedded}, or
 * your own. The store calls `start` once, in `connect(store, source)`, and `close` once.
 */
export interface BundleSource {
  /** Names the source in `store.status()` and in messages: a path, a URL, `"embedded"`. */
  readonly name: string;
  /** Starts delivering bundles to `sink`: the first check begins at once. */
  start(sink: SourceSink): void;
  /** Stops for good, releasing every watcher, timer and socket. Idempotent. */
  close(): Promise<void>;
}

/** A failed check: what the source tried and what happened (`GET http://…: HTTP 503`). */
export class SourceError extends Error {
  override readonly name = "SourceError";
  constructor(
    /** The source's name (path or URL). */
    readonly source: string,
    message: string,
    /** The underlying error, when there is one (ENOENT, ECONNREFUSED, …). */
    override readonly cause?: unknown,
  ) {
    super(`${source}: ${message}`);
  }
}

/** The byte cap a source applies for a sink, and how a refusal names it. */
export interface ByteLimit {
  readonly bytes: number;
  /** `the limit is limits.bytes = 16777216 (raise it with …)` or `the limit is the source's maxBytes = 1000` */
  readonly named: string;
}

/**
 * The largest bundle a source accepts: the store's `limits.bytes` (the store would refuse a larger
 * one anyway, after parsing it), or the source's own `maxBytes` when that is smaller.
 */
export function byteLimit(limits: InputLimits, maxBytes: number | undefined): ByteLimit {
  if (maxBytes !== undefined && maxBytes < limits.bytes) return { bytes: maxBytes, named: `the limit is the source's maxBytes = ${maxBytes}` };
  return { bytes: limits.bytes, named: overLimit("bytes", limits) };
}
