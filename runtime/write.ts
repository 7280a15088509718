import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
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

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Deletes the temporaries that killed writes of the same target left (`.<name>.<pid>.<id>.tmp`,
 * from a process no longer running), so they never pile up.
 */
function removeStaleTemporaries(folder: string, name: string): void {
  const prefix = `.${name}.`;
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const match = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length));
    if (match !== null && !processAlive(Number(match[1]))) rmSync(join(folder, entry), { force: true });
  }
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same folder, flushed, then
 * renamed over the target, so a reader or a crash never sees a truncated file. Creates parent
 * folders, and removes temporaries that earlier killed writes of the same target left. With `onlyIfChanged`, an identical file is left alone (its mtime too).
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
    removeStaleTemporaries(folder, basename(path));
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  return true;
}
