import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { IndentationText, NewLineKind, Project, QuoteKind, ts } from "ts-morph";

/** The nearest tsconfig.json at or above `dir`. */
function findTsConfig(dir: string): string | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    const candidate = join(folder, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

/** Used when the features have no tsconfig.json above them. */
const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  noEmit: true,
};

/** How generated code is printed: the repository's style. */
const MANIPULATION = {
  indentationText: IndentationText.TwoSpaces,
  quoteKind: QuoteKind.Double,
  newLineKind: NewLineKind.LineFeed,
  useTrailingCommas: true,
};

/**
 * The one ts-morph project of a run. It reads feature files (and what they import) from disk for
 * the type checker, with the compiler options of their tsconfig.json; generated files are created
 * in it in memory and never saved by it: the generator prints them and writes them itself.
 */
export function createProject(featuresDir: string): Project {
  const tsConfigFilePath = findTsConfig(featuresDir);
  return tsConfigFilePath === undefined
    ? new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS, manipulationSettings: MANIPULATION })
    : new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, manipulationSettings: MANIPULATION });
}

/** A project with an in-memory file system, for emitting files that are never type-checked (imports). */
export function createEmitProject(): Project {
  return new Project({ useInMemoryFileSystem: true, compilerOptions: DEFAULT_COMPILER_OPTIONS, manipulationSettings: MANIPULATION });
}
