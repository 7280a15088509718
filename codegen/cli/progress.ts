import type { ProgressListener } from "./options";

/** Below this many items a run is quick enough that a progress display is noise. */
const LARGE = 100;

/**
 * A one-line progress display on a terminal (`emitting 340/1000`), redrawn in place at most every
 * 100 ms. Returns the listener and a function that clears the line before the summary.
 */
export function terminalProgress(stream: NodeJS.WriteStream): { listener: ProgressListener; done: () => void } {
  let last = 0;
  let shown = false;
  const listener: ProgressListener = (phase, done, total) => {
    if (total < LARGE) return;
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    shown = true;
    stream.write(`\r\x1b[K${phase} ${done}/${total}`);
  };
  return {
    listener,
    done: () => {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
