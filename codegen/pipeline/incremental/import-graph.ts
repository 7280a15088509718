import { dirname, resolve, sep } from "node:path";
import type { ts } from "ts-morph";

/** Whether a file is the project's own (what `--watch` follows), not an installed package's. */
export function isProjectFile(path: string): boolean {
  return !path.split(sep).includes("node_modules");
}

/** What the compiler's program offers to list a file's resolved imports (internal to TypeScript 5.x, not in its typings). */
interface ResolvedModules {
  forEachResolvedModule?(callback: (resolution: { readonly resolvedModule?: { readonly resolvedFileName: string } }) => void, file: ts.SourceFile): void;
}

/**
 * Which of the project's source files import which, as the compiler resolved them (type-only
 * imports included: they shape value types though they vanish at run time). A watch session asks
 * it which files an edit can affect: the edited files and every file importing them, directly or
 * not. Installed packages are left out: `--watch` does not follow them.
 */
export class ImportGraph {
  private readonly importers = new Map<string, Set<string>>();

  private constructor() {}

  /**
   * The graph of a program's files. Undefined when this TypeScript cannot list resolved imports:
   * the session then cannot tell what an edit affects and runs in full.
   */
  static of(program: ts.Program): ImportGraph | undefined {
    const modules = program as unknown as ResolvedModules;
    if (typeof modules.forEachResolvedModule !== "function") return undefined;
    const graph = new ImportGraph();
    for (const file of program.getSourceFiles()) {
      const path = resolve(file.fileName);
      if (!isProjectFile(path)) continue;
      modules.forEachResolvedModule((resolution) => {
        const target = resolution.resolvedModule?.resolvedFileName;
        if (target !== undefined) graph.add(path, resolve(target));
      }, file);
      // `/// <reference path="...">` reads a file as much as an import does.
      for (const reference of file.referencedFiles) graph.add(path, resolve(dirname(path), reference.fileName));
    }
    return graph;
  }

  /** `changed` and every file that imports one of them, directly or through others. */
  affectedBy(changed: Iterable<string>): Set<string> {
    const affected = new Set<string>();
    const pending = [...changed];
    while (pending.length > 0) {
      const path = pending.pop()!;
      if (affected.has(path)) continue;
      affected.add(path);
      for (const importer of this.importers.get(path) ?? []) pending.push(importer);
    }
    return affected;
  }

  private add(from: string, to: string): void {
    if (!isProjectFile(to)) return;
    const set = this.importers.get(to) ?? new Set<string>();
    set.add(from);
    this.importers.set(to, set);
  }
}
