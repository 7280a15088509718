import { join } from "node:path";
import { readIfExists, writeFilesAtomic } from "../../runtime/fs";
import { readGeneratedFiles, type OutFolderMemory } from "./generated-files";
import { swapFolder } from "./swap-folder";
import type { WrittenEarly } from "./early-writes";

/** How the out folder differs from a run's output. */
export interface Changes {
  /** Files to write: missing or with other content. */
  readonly write: ReadonlyMap<string, string>;
  /** Of those, the ones that exist now (stale). */
  readonly stale: readonly string[];
  /** Of those, the ones that do not exist yet. */
  readonly missing: readonly string[];
  /** Generated files no longer produced (a removed feature's). */
  readonly extra: readonly string[];
  /** Files already right. */
  readonly unchanged: readonly string[];
}

/**
 * Compares the out folder's generated files with `files`. Reads only (through `memory`, see
 * {@link OutFolderMemory}), and not at all given `existing`, the files as the caller read them.
 */
export function diffOutputs(outDir: string, files: ReadonlyMap<string, string>, memory?: OutFolderMemory, existing: ReadonlyMap<string, string> = readGeneratedFiles(outDir, memory)): Changes {
  const write = new Map<string, string>();
  const stale: string[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  for (const [name, content] of files) {
    const now = existing.get(name) ?? readIfExists(join(outDir, name));
    if (now === content) unchanged.push(name);
    else {
      write.set(name, content);
      // A file edited out of recognition (no header any more) is still the generator's: stale, not missing.
      (now === undefined ? missing : stale).push(name);
    }
  }
  const extra = [...existing.keys()].filter((name) => !files.has(name));
  return { write, stale, missing, extra, unchanged };
}

/**
 * Applies changes all at once: the new folder is built beside the old one (unchanged files linked,
 * changed ones written and flushed, removed ones left out) and swapped in (see swap-folder.ts), so
 * a run killed at any point leaves the folder entirely old or entirely new, and the next run
 * cleans up after it. `later`: see {@link swapFolder}. `early`: files the run wrote into its
 * staging folder already (early-writes.ts); only the others are written here.
 */
export async function applyChanges(outDir: string, changes: Changes, later?: (task: () => void) => void, early?: WrittenEarly): Promise<void> {
  if (changes.write.size === 0 && changes.extra.length === 0) return;
  const names = [...changes.write.keys()];
  const toWrite = early === undefined ? names : names.filter((n) => early.written.get(n) !== changes.write.get(n));
  // All at once, in no particular order: nothing reads the staging folder before the swap.
  await swapFolder(outDir, [...changes.extra, ...names], (staging) => writeFilesAtomic(toWrite.map((n) => [join(staging, n), changes.write.get(n)!] as const)), later, early?.id);
}
