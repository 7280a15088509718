import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

/** No file there: nothing at the path, or a folder. */
const missing = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EISDIR";
};

/** A UTF-8 file's text, or undefined when there is no file at `path` (nothing, or a folder); any other failure throws. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if (missing(e)) return undefined;
    throw e;
  }
}

/** {@link readIfExists}, asynchronously. */
export async function readIfExistsAsync(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if (missing(e)) return undefined;
    throw e;
  }
}
