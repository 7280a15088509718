import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { readIfExists, readIfExistsAsync } from "./read-if-exists";

/*
 * The protocol, sync or async: write a temporary file in the target's own folder (so the rename
 * stays on one file system), flush it, then rename it over the target. A reader, or a crash, never
 * sees a truncated file; a failed write removes its temporary file.
 */

/** A temporary name beside `path` that no other process or call picks. */
function temporaryFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Whether process `pid` still runs (EPERM: it runs under another user). Temporaries carry their
 * writer's pid, so only a dead writer's leftovers are cleaned up.
 */
export function processAlive(pid: number): boolean {
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
 * Writes `content` to `path` atomically, creating parent folders, and removes temporaries that
 * earlier killed writes of the same target left. With `onlyIfChanged`, an identical file is left
 * alone (its mtime too).
 *
 * @returns whether the file was written.
 */
export function writeFileAtomic(path: string, content: string, onlyIfChanged = true): boolean {
  if (onlyIfChanged && readIfExists(path) === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryFor(path);
  try {
    const fd = openSync(temporary, "w");
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    removeStaleTemporaries(dirname(path), basename(path));
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  return true;
}

/** The async protocol, into a folder known to exist. */
async function writeIntoFolder(path: string, content: string): Promise<void> {
  const temporary = temporaryFor(path);
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}

/** {@link writeFileAtomic}, asynchronously. Resolves to whether the file was written. */
export async function writeFileAtomicAsync(path: string, content: string, onlyIfChanged = true): Promise<boolean> {
  if (onlyIfChanged && (await readIfExistsAsync(path)) === content) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeIntoFolder(path, content);
  return true;
}

/** Files written at once: flushing is disk-bound, so overlapping many keeps a 2-core machine busy. */
const CONCURRENCY = 16;

/**
 * Writes files atomically (each as {@link writeFileAtomic} does, always written), several at a
 * time, creating their folders. Files are started in the order given. Rejects with the first
 * error once the files in flight have settled.
 */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [path: string, content: string]>): Promise<void> {
  for (const folder of new Set(files.map(([path]) => dirname(path)))) await mkdir(folder, { recursive: true });
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < files.length) {
      const [path, content] = files[next++]!;
      try {
        await writeIntoFolder(path, content);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failure !== undefined) throw failure;
}
