import type { WatchEvent } from "../../codegen/watch";

/** The watch events of one watcher, in order, for a test to await one at a time. */
export interface WatchRecorder {
  /** Pass as the watcher's `onRun`. */
  readonly onRun: (event: WatchEvent) => void;
  /** The next event: one already recorded, or the next to arrive (rejects after `timeoutMs`). */
  next(): Promise<WatchEvent>;
}

/** A recorder whose `next()` waits at most `timeoutMs` (a cold first run on a loaded CI machine is slow). */
export function watchRecorder(timeoutMs = 120_000): WatchRecorder {
  const events: WatchEvent[] = [];
  const waiting: Array<(e: WatchEvent) => void> = [];
  return {
    onRun: (e) => {
      const w = waiting.shift();
      if (w === undefined) events.push(e);
      else w(e);
    },
    next: () =>
      events.length > 0
        ? Promise.resolve(events.shift()!)
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no watch event within ${timeoutMs / 1000} s`)), timeoutMs);
            waiting.push((e) => {
              clearTimeout(timer);
              resolve(e);
            });
          }),
  };
}
