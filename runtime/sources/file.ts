import { createHash } from "node:crypto";
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { byteLimit, SourceError, type BundleSource, type SourceSink } from "./source";

/** Options of {@link fileSource}. */
export interface FileSourceOptions {
  /** Reload when the file changes (default false: read once at connect). */
  readonly watch?: boolean;
  /** How long a burst of file events settles before the file is read again (default 50 ms). */
  readonly debounceMs?: number;
  /**
   * Largest file accepted, in bytes: by default the store's `limits.bytes` (16 MiB unless the store
   * was created with other limits); a smaller value lowers it. A larger file is a failed check,
   * refused from its size before it is read whole.
   */
  readonly maxBytes?: number;
}

const DEFAULT_DEBOUNCE_MS = 50;

/**
 * A bundle file. With `watch`, the file's folder is watched (and the folder of the file a symlink
 * points to), not the file itself: editors and deploy tools replace files rather than write into
 * them (rename over, delete and recreate, a Kubernetes ConfigMap's `..data` symlink swap), and a
 * watch on the old file would go deaf after the first such change. Every burst of events is
 * debounced, then the file is read whole and its SHA-256 compared with the last read, so events
 * that change nothing cost no reload. A missing, unreadable, partial or invalid file is a failed
 * check: the store keeps its last good bundle and the next event tries again.
 */
export function fileSource(path: string, options: FileSourceOptions = {}): BundleSource {
  return new FileSource(resolve(path), options);
}

class FileSource implements BundleSource {
  readonly name: string;
  private sink: SourceSink | undefined;
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private again = false;
  private closed = false;
  /** SHA-256 of the bytes last offered, so an event that changed nothing does not reload. */
  private lastDigest: string | undefined;
  /** Why the store refused those bytes, if it did: the same bad bytes again are the same failure. */
  private lastRefusal: Error | undefined;

  constructor(
    private readonly path: string,
    private readonly options: FileSourceOptions,
  ) {
    this.name = path;
  }

  start(sink: SourceSink): void {
    this.sink = sink;
    if (this.options.watch === true) this.watch(dirname(this.path));
    void this.check();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watch(folder: string): void {
    if (this.closed || this.watchers.has(folder)) return;
    try {
      const watcher = watchFolder(folder, () => this.schedule());
      // A folder that disappears ends its watcher with an error; the next check re-arms it.
      watcher.on("error", () => {
        watcher.close();
        if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
      });
      this.watchers.set(folder, watcher);
    } catch (e) {
      this.sink?.failed(new SourceError(this.name, `cannot watch ${folder}: ${(e as Error).message}`, e));
    }
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Reads the file and offers it if its bytes changed. One read at a time; events during one queue another. */
  private async check(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        await this.readOnce();
      } while (this.again && !this.closed);
    } finally {
      this.reading = false;
    }
  }

  private async readOnce(): Promise<void> {
    const sink = this.sink;
    if (sink === undefined || this.closed) return;
    if (this.options.watch === true) {
      this.watch(dirname(this.path));
      // A symlink swap may retarget the file into another folder: watch where it points now.
      const target = await realpath(this.path).catch(() => undefined);
      if (target !== undefined) this.watch(dirname(target));
    }
    const limit = byteLimit(sink.limits, this.options.maxBytes);
    let bytes: Buffer | number;
    try {
      bytes = await readAtMost(this.path, limit.bytes);
    } catch (e) {
      if (this.closed) return;
      const code = (e as NodeJS.ErrnoException).code;
      sink.failed(new SourceError(this.name, code === "ENOENT" ? "the file does not exist (keeping the last good bundle)" : `cannot read: ${(e as Error).message}`, e));
      return;
    }
    if (this.closed) return;
    if (typeof bytes === "number") {
      // Not remembered as a digest: the next event reads again, and a fixed file is taken.
      this.lastDigest = undefined;
      sink.failed(new SourceError(this.name, `the file is larger than ${limit.bytes} bytes (${bytes} found); ${limit.named}`));
      return;
    }
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest === this.lastDigest) {
      if (this.lastRefusal === undefined) sink.unchanged();
      else sink.failed(this.lastRefusal);
      return;
    }
    this.lastDigest = digest;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      this.lastRefusal = new SourceError(this.name, "the file is not valid UTF-8");
      sink.failed(this.lastRefusal);
      return;
    }
    // A refused bundle (a partial write, a hand edit) is recorded by the store itself.
    this.lastRefusal = sink.offer(text);
  }
}

/**
 * The file's bytes, or its size when that passes `limit`: the size is taken from the open file
 * first, and at most `limit + 1` bytes are ever read (a file that grows while read is cut there),
 * so an oversized file costs no memory.
 */
async function readAtMost(path: string, limit: number): Promise<Buffer | number> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    if (size > limit) return size;
    const buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return length; // grew past the limit while being read
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}
