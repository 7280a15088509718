import { watch as watchFolder, type FSWatcher } from "node:fs";
import { performance } from "node:perf_hooks";
import { basename, dirname, join, relative, isAbsolute } from "node:path";
import { writeGenerated, type GenSummary, type WatchWrites } from "./generate";
import { recoverFolder } from "./output/swap-folder";
import { hashMemory } from "./output/cache";
import type { GenOptions } from "./cli/options";
import type { ChangeSet, WatchSession } from "./pipeline/incremental/watch-session";

/** How long a watcher waits, quiet after a run, before the work the run left for later (WatchWrites.later). */
const QUIET_MS = 200;
/** How many such tasks may wait for a quiet moment (each swapped-out folder is one). */
const MAX_DEFERRED = 16;

/** What a watcher reports after each run: a summary, or the error that stopped the run. */
export type WatchEvent = { readonly ok: true; readonly summary: GenSummary } | { readonly ok: false; readonly error: unknown };

/** A running watcher. */
export interface Watcher {
  /** Stops watching; a pending run is cancelled. */
  close(): void;
}

/**
 * `gen --watch`: runs once, then again whenever a file under the features folder, or any other
 * file the last run loaded (a segment in segments/, a helper, the DSL), changes, after
 * `debounceMs` of quiet (an editor's save is often several events). Runs share one watch session
 * (pipeline/incremental/watch-session.ts): after the first, full run, a run type-checks, loads
 * and reads types again only for the changed files and the files importing them, and writes only
 * the files whose content changed; anything ambiguous makes a full run. The output is what a
 * fresh `gen` writes. A failed run leaves the output as it was and the watcher keeps going.
 */
export function watchFeatures(options: GenOptions, onRun: (event: WatchEvent) => void, debounceMs = 100): Watcher {
  let running = false;
  let again = false;
  // ts-morph and TypeScript load with the first run, as `gen` loads them only when the cache cannot answer.
  let session: WatchSession | undefined;
  /**
   * Work runs left for later (see WatchWrites.later), by key: a newer task of a key replaces the
   * one pending (only the last run's manifest matters). It runs once the watcher has been quiet
   * for QUIET_MS after a run, so an edit made right after a summary is not kept waiting behind
   * it, and always when the watcher closes.
   */
  const deferred = new Map<string, () => void>();
  let quiet: NodeJS.Timeout | undefined;
  const finishDeferred = (): void => {
    if (quiet !== undefined) clearTimeout(quiet);
    quiet = undefined;
    const tasks = [...deferred.values()];
    deferred.clear();
    for (const task of tasks) {
      try {
        task();
      } catch {
        // Cleanup and the cache are best effort: the next run recovers the folder, or runs in full.
      }
    }
  };
  let tasks = 0;
  const writes: WatchWrites = { outFolder: new Map(), hashes: hashMemory(), later: (task, key = `task ${(tasks += 1)}`) => deferred.set(key, task) };
  /** What changed since the last run began; the first run is a full one. */
  let pending: Set<string> | "unknown" = "unknown";
  const note = (path: string | undefined): void => {
    if (path === undefined) pending = "unknown";
    else if (pending !== "unknown") pending.add(path);
  };
  // One run at a time: a change during a run schedules one more run after it.
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (quiet !== undefined) clearTimeout(quiet);
    quiet = undefined;
    // Edits that never leave a quiet moment still get the swapped-out folders deleted.
    if (deferred.size > MAX_DEFERRED) finishDeferred();
    try {
      const start = performance.now();
      const changes: ChangeSet = pending;
      pending = new Set();
      session ??= (require("./pipeline/incremental/watch-session") as typeof import("./pipeline/incremental/watch-session")).createWatchSession(options);
      recoverFolder(options.outDir);
      const summary = await writeGenerated(options, await session.run(changes), start, writes);
      if (watcher !== undefined) followInputs(summary.inputs);
      onRun({ ok: true, summary });
    } catch (error) {
      onRun({ ok: false, error });
    } finally {
      running = false;
    }
    if (watcher === undefined) finishDeferred(); // closed during the run
    else if (deferred.size > 0) quiet = setTimeout(finishDeferred, QUIET_MS);
    if (again && watcher !== undefined) {
      again = false;
      await run();
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (watcher !== undefined) void run();
    }, debounceMs);
  };
  let watcher: FSWatcher | undefined = watchFolder(options.featuresDir, { recursive: true }, (_event, file) => {
    if (file !== null && !String(file).endsWith(".ts")) return;
    note(file === null ? undefined : join(options.featuresDir, String(file)));
    changed();
  });
  // Inputs outside the features folder, by folder: one watcher per folder, told only about those files.
  const outside = new Map<string, { names: Set<string>; watcher: FSWatcher }>();
  const followInputs = (inputs: readonly string[]): void => {
    const wanted = new Map<string, Set<string>>();
    for (const input of inputs) {
      const rel = relative(options.featuresDir, input);
      if (!rel.startsWith("..") && !isAbsolute(rel)) continue;
      const names = wanted.get(dirname(input)) ?? new Set<string>();
      names.add(basename(input));
      wanted.set(dirname(input), names);
    }
    for (const [folder, entry] of outside) {
      if (!wanted.has(folder)) {
        entry.watcher.close();
        outside.delete(folder);
      }
    }
    for (const [folder, names] of wanted) {
      const existing = outside.get(folder);
      if (existing !== undefined) {
        existing.names = names;
        continue;
      }
      try {
        const entry = { names, watcher: undefined as unknown as FSWatcher };
        entry.watcher = watchFolder(folder, (_event, file) => {
          if (file !== null && !entry.names.has(String(file))) return;
          note(file === null ? undefined : join(folder, String(file)));
          changed();
        });
        outside.set(folder, entry);
      } catch {
        // A folder gone since the run: the next run will not list it either.
      }
    }
  };
  void run();
  return {
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
      for (const entry of outside.values()) entry.watcher.close();
      outside.clear();
      finishDeferred();
      session?.close();
    },
  };
}
