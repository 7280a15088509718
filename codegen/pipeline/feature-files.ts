import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every feature file under `dir`, recursively: `*.ts` but not `*.d.ts`, skipping dot folders and
 * node_modules. Sorted, so runs are deterministic. A missing folder has no files.
 */
export function listFeatureFiles(dir: string): string[] {
  // Spec files are not features: `offline-features test` runs them, gen and bundles never see them.
  return listTsFiles(dir, (name) => !name.endsWith(".spec.ts"));
}

/** Every spec file (`*.spec.ts`) under `dir`, recursively, sorted. */
export function listSpecFiles(dir: string): string[] {
  return listTsFiles(dir, (name) => name.endsWith(".spec.ts"));
}

function listTsFiles(dir: string, matches: (name: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") visit(path);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") && matches(entry.name)) found.push(path);
    }
  };
  visit(dir);
  return found.sort();
}
