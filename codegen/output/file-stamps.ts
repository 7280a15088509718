import { statSync, type Stats } from "node:fs";

/*
 * A file's stamp: device, inode, size, modification and change times. Any write to the file moves
 * its change time (which no tool can set back) or gives it a new inode, so a file whose stamp is
 * the one recorded when its content was hashed still has that content: the manifest cache checks
 * stamps instead of reading and hashing every input and output of an unchanged run.
 *
 * Racy stamps (as git's index has them): a file written within the file system's timestamp
 * granularity before its stat could be written again with the same times, so a stamp is only
 * recorded when the file's change time is clearly older than the stat. Granularity is read from
 * the times themselves: whole seconds (FAT, HFS+, some network mounts) get 2 s, finer ones 50 ms
 * (Linux stamps files from a clock that ticks every 1 to 10 ms).
 */

/** A file's stamp, taken before its content is read; undefined when it is missing or too fresh to trust (see above). */
export function trustedStamp(path: string): string | undefined {
  const now = Date.now();
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return undefined;
  const coarse = stats.mtimeMs % 1000 === 0 && stats.ctimeMs % 1000 === 0;
  if (now - Math.max(stats.mtimeMs, stats.ctimeMs) <= (coarse ? 2000 : 50)) return undefined;
  return stampOf(stats);
}

/** The stamp a file has now (for comparing with a recorded one), or undefined when it is missing. */
export function currentStamp(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return undefined;
  return stampOf(stats);
}

function stampOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}
