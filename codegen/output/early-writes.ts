import { rmSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { readGeneratedFiles } from "./generated-files";
import { newStagingId, stagingFolder } from "./swap-folder";

/** What {@link EarlyWrites.finish} hands to the swap: the staging folder's run id and what is in it already. */
export interface WrittenEarly {
  /** The run id of the staging folder the files are in (see swap-folder.ts). */
  readonly id: string;
  /** The out folder's generated files before the run, by name: what the run's output is compared with. */
  readonly existing: ReadonlyMap<string, string>;
  /** The files written into the staging folder, by name, with the content written. */
  readonly written: ReadonlyMap<string, string>;
}

/**
 * A `gen` run's changed output files, written into the run's staging folder by a thread of their
 * own as the run prints them, while the main thread goes on reading types and printing the rest.
 * Writing a file means flushing it to disk: a cold run's 2,000 files spent ~0.9 s waiting on the
 * disk after the last was printed, and the main thread could not start those writes earlier
 * itself (its event loop is busy printing, and each file is four dependent calls). The staging
 * folder is swapped in whole afterwards (swap-folder.ts), so the out folder still changes all at
 * once; a failed run removes it with {@link EarlyWrites.abort}.
 */
export class EarlyWrites {
  /** The run id of the staging folder (swap-folder.ts names and recovers it by this). */
  readonly id = newStagingId();
  /** The out folder's generated files before the run, by name. */
  readonly existing: ReadonlyMap<string, string>;
  private readonly staging: string;
  private readonly written = new Map<string, string>();
  /** Started at the first file to write: a run that changes nothing starts no thread. */
  private thread: Worker | undefined;
  /** Set when the thread fails; {@link finish} rejects with it. */
  private failure: Error | undefined;

  constructor(outDir: string) {
    this.existing = readGeneratedFiles(outDir);
    this.staging = stagingFolder(outDir, "partial", this.id);
  }

  /** Starts writing `content` as `name` (`x.ts`, `bundles/prod.json`), unless the out folder holds it already. */
  offer(name: string, content: string): void {
    if (this.existing.get(name) === content || this.written.has(name) || this.failure !== undefined) return;
    this.written.set(name, content);
    if (this.thread === undefined) {
      this.thread = new Worker(join(__dirname, "writer-thread.js"));
      this.thread.on("error", (e) => (this.failure ??= e));
    }
    this.thread.postMessage({ path: join(this.staging, name), content });
  }

  /** Waits until every file offered is written and flushed, and ends the thread. Rejects on the first failure. */
  async finish(): Promise<WrittenEarly> {
    const thread = this.thread;
    if (thread !== undefined) {
      try {
        const error = await new Promise<string | undefined>((resolve, reject) => {
          if (this.failure !== undefined) return reject(this.failure);
          thread.once("message", (m: { done: true; error: string | undefined }) => resolve(m.error));
          thread.once("error", reject);
          thread.once("exit", (code) => reject(this.failure ?? new Error(`the thread writing generated files stopped (exit code ${code})`)));
          thread.postMessage({ finish: true });
        });
        if (error !== undefined) throw new Error(`could not write a generated file: ${error}`);
      } finally {
        await thread.terminate();
      }
    }
    return { id: this.id, existing: this.existing, written: this.written };
  }

  /** Ends the thread and removes the staging folder: the run failed, and the out folder stays as it was. */
  async abort(): Promise<void> {
    await this.thread?.terminate();
    this.discard();
  }

  /** Removes the staging folder if it is still there (a swap renames it away; a run that wrote nothing after all leaves it). */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
