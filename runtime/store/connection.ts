import { readFileSync } from "node:fs";
import * as E from "fp-ts/Either";
import { writeFileAtomic } from "../fs";
import type { BundleSource, SourceSink } from "../sources/source";
import { SourceError } from "../sources/source";
import type { BundleDecodeError } from "./bundle-error";
import type { BundleInfo } from "./store";
import type { SourceHealth } from "./status";
import type { InputLimits } from "../decode/limits";

/** Options of `connect(store, source, options)` (./connect.ts). */
export interface ConnectOptions {
  /**
   * A file where every good bundle from the source is written atomically, and which is loaded when
   * the source fails before its first success (a restart while the host is unreachable): the
   * last-known-good survives restarts. A missing or invalid backup is ignored.
   */
  readonly backupPath?: string;
  /**
   * After this long without a successful check (a new bundle, a 304, an unchanged file), the store
   * is stale: `status().stale` is true and evaluations say reason `STALE`, until the next success.
   * Undefined (the default): never stale. A flag flipped by one timer; evaluations read no clock.
   */
  readonly staleAfterMs?: number;
  /**
   * What getters serve until the source's first bundle: `"embedded"` (the default) keeps what the
   * store holds (the generated bundle); `"defaults"` empties the store, so getters answer their
   * generated defaults with a `PROVIDER_NOT_READY` error.
   */
  readonly until?: "embedded" | "defaults";
}

/** What a connection needs from its store. */
export interface ConnectionHost {
  /** The store's input limits, which its sources honour (`limits.bytes` before reading a body whole). */
  readonly limits: InputLimits;
  load(bundle: unknown, origin: string): E.Either<BundleDecodeError, BundleInfo>;
  embedded(): unknown;
  setStale(stale: boolean): void;
  health(health: SourceHealth): void;
}

/**
 * A store's link to one source: the sink the source reports to, the backup file, the stale
 * timer, and the promises waiting for the first bundle.
 */
export class Connection {
  checkedAt: Date | undefined;
  lastError: Error | undefined;
  private loaded = false;
  private backupTried = false;
  private failing = false;
  private stale = false;
  private closed = false;
  private readonly staleTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();

  constructor(
    readonly source: BundleSource,
    private readonly options: ConnectOptions,
    private readonly host: ConnectionHost,
  ) {
    const after = options.staleAfterMs;
    if (after !== undefined) {
      this.staleTimer = setTimeout(() => this.goStale(), after);
    }
  }

  start(): void {
    const sink: SourceSink = {
      offer: (bundle, origin) => (this.closed ? undefined : this.offer(bundle, origin ?? this.source.name, true)),
      unchanged: () => {
        if (!this.closed) this.succeeded();
      },
      failed: (error) => {
        if (!this.closed) this.failed(error);
      },
      embedded: this.host.embedded(),
      limits: this.host.limits,
    };
    try {
      this.source.start(sink);
    } catch (e) {
      this.failed(e instanceof Error ? e : new SourceError(this.source.name, String(e)));
    }
  }

  /** Loads a bundle; from the source it also counts as a successful check and is backed up. */
  private offer(bundle: unknown, origin: string, fromSource: boolean): Error | undefined {
    const result = this.host.load(bundle, origin);
    if (E.isLeft(result)) {
      if (fromSource) this.failed(result.left);
      return result.left;
    }
    this.markLoaded();
    if (fromSource) {
      this.succeeded();
      this.backUp(bundle);
    }
    return undefined;
  }

  private backUp(bundle: unknown): void {
    const path = this.options.backupPath;
    if (path === undefined) return;
    try {
      writeFileAtomic(path, typeof bundle === "string" ? bundle : JSON.stringify(bundle));
    } catch (e) {
      this.lastError = new SourceError(path, `could not write the backup: ${(e as Error).message}`, e);
    }
  }

  private markLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const w of this.waiters) w.resolve();
    this.waiters.clear();
  }

  private succeeded(): void {
    this.checkedAt = new Date();
    this.lastError = undefined;
    this.staleTimer?.refresh();
    const wasUnhealthy = this.failing || this.stale;
    this.failing = false;
    if (this.stale) {
      this.stale = false;
      this.host.setStale(false);
    }
    if (wasUnhealthy) this.host.health({ __type: "recovered" });
  }

  private failed(error: Error): void {
    this.lastError = error;
    if (!this.loaded && !this.backupTried) this.loadBackup();
    if (!this.failing) {
      this.failing = true;
      this.host.health({ __type: "failing", error });
    }
  }

  /** The backup, once, when the source fails before its first good bundle. */
  private loadBackup(): void {
    this.backupTried = true;
    const path = this.options.backupPath;
    if (path === undefined) return;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return; // no backup yet: nothing to fall back on
    }
    this.offer(text, path, false);
  }

  private goStale(): void {
    if (this.closed || this.stale) return;
    this.stale = true;
    this.host.setStale(true);
    this.host.health({ __type: "stale" });
  }

  ready(timeoutMs: number): Promise<void> {
    if (this.loaded) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error(`feature store: the connection to ${this.source.name} was closed before its first bundle`));
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const why = this.lastError === undefined ? "no answer yet" : `last error: ${this.lastError.message}`;
        reject(new Error(`feature store not ready after ${timeoutMs} ms: no good bundle from ${this.source.name} (${why}); the store keeps trying and serves what it held meanwhile`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.staleTimer !== undefined) clearTimeout(this.staleTimer);
    for (const w of this.waiters) w.reject(new Error(`feature store: closed before a good bundle from ${this.source.name}`));
    this.waiters.clear();
    await this.source.close();
  }
}
