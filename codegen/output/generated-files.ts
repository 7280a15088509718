import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
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

/** The generated files now in `outDir` (top level and `bundles/`), by name (`bundles/x.json`), with their content. */
export function readGeneratedFiles(outDir: string): Map<string, string> {
  const files = new Map<string, string>();
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
      const content = readIfExists(join(outDir, folder, name));
      if (content !== undefined && isGeneratedFile(name, content)) files.set(`${folder}${name}`, content);
    }
  }
  return files;
}
