import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/*
 * This package's own package.json, for `--version`. It is found by walking up from this file: the
 * sources sit at codegen/cli/ in the repository, the compiled code at dist/codegen/cli/ in the
 * installed package.
 */

/** The version in this package's package.json ("0.0.0" if it cannot be read). */
export function packageVersion(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (json.name === "offline-features" && typeof json.version === "string") return json.version;
    } catch {
      // no package.json here: keep walking up
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}
