import { watch as watchFolder, type FSWatcher } from "node:fs";
import { generate, type GenSummary } from "./generate";
import type { GenOptions } from "./cli/options";

/** What a watcher reports after each run: a summary, or the error that stopped the run. */
export type WatchEvent = { readonly ok: true; readonly summary: GenSummary } | { readonly ok: false; readonly error: unknown };

/** A running watcher. */
export interface Watcher {
  /** Stops watching; a pending run is cancelled. */
  close(): void;
}

/**
 * `gen --watch`: runs once, then again whenever a file under the features folder changes, after
 * `debounceMs` of quiet (an editor's save is often several events). Each run loads the feature
 * files afresh; a failed run leaves the output as it was and the watcher keeps going.
 */
export function watchFeatures(options: GenOptions, onRun: (event: WatchEvent) => void, debounceMs = 100): Watcher {
  let running = false;
  let again = false;
  // One run at a time: a change during a run schedules one more run after it.
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      onRun({ ok: true, summary: await generate(options) });
    } catch (error) {
      onRun({ ok: false, error });
    } finally {
      running = false;
    }
    if (again && watcher !== undefined) {
      again = false;
      await run();
    }
  };
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined = watchFolder(options.featuresDir, { recursive: true }, (_event, file) => {
    if (file !== null && !String(file).endsWith(".ts")) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (watcher !== undefined) void run();
    }, debounceMs);
  });
  void run();
  return {
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
