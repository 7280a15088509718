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

/** What ts-morph's document registry parses files with (its internals, not in its typings). */
interface DocumentRegistry {
  createOrUpdateSourceFile(fileName: string, settings: ts.CompilerOptions, snapshot: ts.IScriptSnapshot, scriptKind: ts.ScriptKind | undefined): ts.SourceFile;
}

/** What ts-morph's compiler factory offers to parse a file (not in its typings: the project's internals). */
interface CompilerFactory {
  readonly documentRegistry: DocumentRegistry;
  addOrGetSourceFileFromFilePath(filePath: string, options: unknown): unknown;
  createCompilerSourceFileFromText(filePath: string, text: string, scriptKind: ts.ScriptKind | undefined): ts.SourceFile;
}

/**
 * Files are parsed as `tsc` parses them: JSDoc comments only where they can change a type error
 * (every comment in a JavaScript file, `@see` and `@link` in a TypeScript one). The generator
 * reads types and errors, never JSDoc; parsing every JSDoc comment of the standard library
 * (lib.dom.d.ts above all) and @types/node took ~40% of parsing them. ts-morph gives the registry
 * only a target; the registry hands `settings.target` to TypeScript's parser, which also takes an
 * object with the target and the JSDoc mode in its place.
 */
function parseJsDocAsTsc(factory: CompilerFactory): void {
  const registry = factory.documentRegistry;
  const update = registry.createOrUpdateSourceFile.bind(registry);
  registry.createOrUpdateSourceFile = (fileName, settings, snapshot, scriptKind) => {
    const parse = { languageVersion: settings.target ?? ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors };
    return update(fileName, { ...settings, target: parse as unknown as ts.ScriptTarget }, snapshot, scriptKind);
  };
}

/** A file parsed for an earlier run of this process, with the text and settings it was parsed from. */
interface ParsedFile {
  readonly text: string;
  readonly settings: string;
  readonly scriptKind: ts.ScriptKind | undefined;
  readonly file: ts.SourceFile;
}

/**
 * Files read from disk and parsed by earlier runs in this process, by path. Parsing (and binding,
 * which TypeScript keeps on the parsed file) the standard library, @types/node and the DSL's
 * declarations is over half of a run's type check; `--watch`, and a test suite running `gen` many
 * times, need it once. A file is reused only for the same path, the very same text and the same
 * compiler options, so the reuse gives the parse a fresh one would: this is how the TypeScript
 * language service shares files between projects (its document registry).
 */
const parsedFiles = new Map<string, ParsedFile>();

/**
 * The options a parsed and bound file depends on: TypeScript's own list (`sourceFileAffectingCompilerOptions`,
 * what its language service keys shared files on: target, module, moduleDetection, alwaysStrict, jsx…),
 * plus `strict`, from which `alwaysStrict` defaults. Not `lib`, `types` or where the tsconfig.json lies,
 * which choose files but not how one is parsed: a project on the default options and one with a
 * tsconfig.json then share the standard library, the DSL and the runtime they both read.
 * (The list is internal to TypeScript; without it, every option is the key, as before.)
 */
function parseSettings(compilerOptions: ts.CompilerOptions): string {
  const affecting = (ts as unknown as { sourceFileAffectingCompilerOptions?: readonly { readonly name: string }[] }).sourceFileAffectingCompilerOptions;
  if (affecting === undefined) {
    const { configFilePath: _where, pathsBasePath: _base, ...options } = compilerOptions;
    return JSON.stringify(options);
  }
  return JSON.stringify(["strict", ...affecting.map((option) => option.name)].map((name) => [name, compilerOptions[name]]));
}

/** Lets the project reuse files parsed by earlier runs (see {@link parsedFiles}). Generated files, created in memory and printed, are never shared. */
function shareParsedFiles(project: Project): void {
  const factory = (project as unknown as { _context: { compilerFactory: CompilerFactory } })._context.compilerFactory;
  parseJsDocAsTsc(factory);
  const settings = parseSettings(project.getCompilerOptions());
  const parse = factory.createCompilerSourceFileFromText.bind(factory);
  const load = factory.addOrGetSourceFileFromFilePath.bind(factory);
  let fromDisk = false;
  factory.addOrGetSourceFileFromFilePath = (filePath, options) => {
    fromDisk = true;
    try {
      return load(filePath, options);
    } finally {
      fromDisk = false;
    }
  };
  factory.createCompilerSourceFileFromText = (filePath, text, scriptKind) => {
    if (!fromDisk) return parse(filePath, text, scriptKind);
    fromDisk = false; // only the file being loaded, not one it might create on the way
    const known = parsedFiles.get(filePath);
    if (known !== undefined && known.text === text && known.settings === settings && known.scriptKind === scriptKind) return known.file;
    const file = parse(filePath, text, scriptKind);
    parsedFiles.set(filePath, { text, settings, scriptKind, file });
    return file;
  };
}

/**
 * The one ts-morph project of a run. It reads feature files (and what they import) from disk for
 * the type checker, with the compiler options of their tsconfig.json; generated files are created
 * in it in memory and never saved by it: the generator prints them and writes them itself.
 */
export function createProject(featuresDir: string): Project {
  const tsConfigFilePath = findTsConfig(featuresDir);
  const project =
    tsConfigFilePath === undefined
      ? new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS, manipulationSettings: MANIPULATION })
      : new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, manipulationSettings: MANIPULATION });
  shareParsedFiles(project);
  return project;
}

/**
 * The project's program with every file it holds as a root, for a project that serves many runs
 * (`gen --watch`). ts-morph makes every file it holds a root of the programs it builds: the first,
 * built from the feature files alone, has those as roots, and every later one (after an edit) all
 * the files the first resolved too. TypeScript reuses an old program's structure only for the same
 * roots, so the first edit rebuilt the program from scratch (resolving every import again: 200-450
 * ms on bench/gen's project; later edits 15-60 ms). Building the second program at once, before
 * any type is read, moves that rebuild into the first run.
 */
export function programWithEveryFile(project: Project): ts.Program {
  const first = project.getProgram().compilerObject;
  if (first.getRootFileNames().length >= first.getSourceFiles().length) return first;
  (project as unknown as { _context: { resetProgram(): void } })._context.resetProgram();
  return project.getProgram().compilerObject;
}

/** A project with an in-memory file system, for emitting files that are never type-checked (imports). */
export function createEmitProject(): Project {
  return new Project({ useInMemoryFileSystem: true, compilerOptions: DEFAULT_COMPILER_OPTIONS, manipulationSettings: MANIPULATION });
}
