import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { randomBytes } from "node:crypto";

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same folder, flushed, then
 * renamed over the target, so a reader or a crash never sees a truncated file. Creates parent
 * folders. With `onlyIfChanged`, an identical file is left alone (its mtime too).
 *
 * @returns whether the file was written.
 */
export function writeFileAtomic(path: string, content: string, onlyIfChanged = true): boolean {
  if (onlyIfChanged && readIfExists(path) === content) return false;
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temporary, "w");
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  return true;
}
