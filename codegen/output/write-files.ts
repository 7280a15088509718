import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** Files written at once: flushing is disk-bound, so overlapping many keeps a 2-core machine busy. */
const CONCURRENCY = 16;

async function writeOne(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
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

/**
 * Writes files atomically, several at a time: each goes to a temporary file in its folder, is
 * flushed, then renamed over its target (the protocol of runtime/write.ts's `writeFileAtomic`),
 * so no file is ever seen truncated. Files are started in the order given. Rejects with the first
 * error once the files in flight have settled.
 */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const folder of new Set(files.map(([path]) => dirname(path)))) await mkdir(folder, { recursive: true });
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < files.length) {
      const [path, content] = files[next++]!;
      try {
        await writeOne(path, content);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failure !== undefined) throw failure;
}
