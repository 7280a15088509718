import { join } from "node:path";
import type { Project, SourceFileStructure, OptionalKind } from "ts-morph";
import type { GenOptions } from "../cli/options";

/** What a module of the out folder is printed from. */
export type ModuleStructure = Parameters<Project["createSourceFile"]>[1];

/** What ts-morph prints a source file structure with (its project's internals, not in its typings). */
interface StructurePrinting {
  readonly _context?: {
    createWriter?(): { toString(): string };
    readonly structurePrinterFactory?: { forSourceFile(options: { isAmbient: boolean }): { printText(writer: unknown, structure: OptionalKind<SourceFileStructure>): void } };
  };
}

/**
 * Prints one structure as the text of a file of the out folder, with the project's manipulation
 * settings. ts-morph's `createSourceFile` prints the same text, then parses it, after reading and
 * parsing the file already on disk at that path: the generator only wants the text, so it prints
 * it with the printer `createSourceFile` uses, and creates a source file only where that printer
 * is out of reach.
 */
export function print(project: Project, options: GenOptions, name: string, structure: ModuleStructure): string {
  const context = (project as unknown as StructurePrinting)._context;
  if (typeof structure === "object" && structure !== null && context?.createWriter !== undefined && context.structurePrinterFactory !== undefined) {
    const writer = context.createWriter();
    context.structurePrinterFactory.forSourceFile({ isAmbient: name.endsWith(".d.ts") }).printText(writer, structure);
    return writer.toString();
  }
  const file = project.createSourceFile(join(options.outDir, name), structure, { overwrite: true });
  const text = file.getFullText();
  // Printed, not kept: a project that serves more runs (gen --watch) must not type-check it next time.
  project.removeSourceFile(file);
  return text;
}
