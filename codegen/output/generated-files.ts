import { createHash } from "node:crypto";
import { readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

import { readIfExists } from "../../runtime/fs";
import { FEATURE_SCHEMA_ID } from "../../runtime/schema/id";

/** The first line of every generated TypeScript file; how the generator recognizes its own files. */
export const HEADER_MARK = "// DO NOT EDIT. Generated";

/** SHA-256 of a text, hex. */
export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * True for a file the generator wrote: a `.ts` that opens with the header, the bundle, the JSON
 * Schema, or a feature's JSON. Anything else in the output folder is the user's and is never touched.
 */
export function isGeneratedFile(name: string, content: string): boolean {
  if (name.endsWith(".ts")) return content.startsWith(HEADER_MARK);
  if (!name.endsWith(".json")) return false;
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed !== "object" || parsed === null) return false;
    const { type, format, $id } = parsed as { type?: unknown; format?: unknown; $id?: unknown };
    return type === "offline-feature" || (typeof format === "string" && format.startsWith("offline-features/bundle@")) || $id === FEATURE_SCHEMA_ID;
  } catch {
    return false;
  }
}

/** The one sub-folder the generator writes: `bundles/<env>.json`, for projects with environments. */
const GENERATED_FOLDERS = ["", "bundles/"];

/**
 * What a long-lived caller (`gen --watch`) remembers of the out folder's files between runs, by
 * path: a file whose device, inode, size and modification time are still the same is not read
 * and parsed again. Out-folder writes put new files in place (a new inode) and hard-link the
 * unchanged ones (the same inode and times; the change time moves with the link count, so it is
 * not compared), and writing a file by hand sets its modification time.
 */
export type OutFolderMemory = Map<string, { readonly stamp: string; readonly content: string; readonly generated: boolean }>;

function stampOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** Tells `memory` what the generator just wrote to `path` (its own file, by definition), so the next run does not read it back. */
export function rememberWritten(memory: OutFolderMemory, path: string, content: string): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) memory.delete(path);
  else memory.set(path, { stamp: stampOf(stats), content, generated: true });
}

/** A file's content and whether it is the generator's, through `memory` when given. */
function readOne(path: string, name: string, memory: OutFolderMemory | undefined): { content: string; generated: boolean } | undefined {
  if (memory === undefined) {
    const content = readIfExists(path);
    return content === undefined ? undefined : { content, generated: isGeneratedFile(name, content) };
  }
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) {
    memory.delete(path);
    return undefined;
  }
  const stamp = stampOf(stats);
  const known = memory.get(path);
  if (known !== undefined && known.stamp === stamp) return known;
  const content = readIfExists(path);
  if (content === undefined) return undefined;
  const read = { stamp, content, generated: isGeneratedFile(name, content) };
  memory.set(path, read);
  return read;
}

/**
 * The files in `outDir` that may be the generator's (top level and `bundles/`), by name
 * (`bundles/x.json`) in order, with their path and base name; whether each is generated is up to
 * its content (see {@link isGeneratedFile}).
 */
export function outFolderCandidates(outDir: string): { readonly name: string; readonly path: string; readonly base: string }[] {
  const found: { name: string; path: string; base: string }[] = [];
  for (const folder of GENERATED_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(outDir, folder));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") continue;
      throw e;
    }
    for (const name of names.sort()) {
      if (name.startsWith(".") || !(name.endsWith(".ts") || name.endsWith(".json")) || (folder !== "" && !name.endsWith(".json"))) continue;
      found.push({ name: `${folder}${name}`, path: join(outDir, folder, name), base: name });
    }
  }
  return found;
}

/**
 * The generated files now in `outDir` (top level and `bundles/`), by name (`bundles/x.json`), with
 * their content. `memory` spares reading again the files unchanged since the caller's last call.
 */
export function readGeneratedFiles(outDir: string, memory?: OutFolderMemory): Map<string, string> {
  const files = new Map<string, string>();
  const seen = new Set<string>();
  for (const { name, path, base } of outFolderCandidates(outDir)) {
    seen.add(path);
    const read = readOne(path, base, memory);
    if (read !== undefined && read.generated) files.set(name, read.content);
  }
  // Files gone since are forgotten (a memory serves one out folder).
  if (memory !== undefined) for (const path of [...memory.keys()]) if (!seen.has(path)) memory.delete(path);
  return files;
}
