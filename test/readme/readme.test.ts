/*
 * The README is tested: every ```ts block is type-checked against the real library, in one
 * TypeScript program, and every ```sh block's `npm run` scripts must exist. A block is read as if
 * its files sat in the repository (`example.ts` at the root importing `./generated`, a
 * `// features/segments.ts` part in features/ importing `../dsl`); `offline-features/<entry>`
 * resolves to this checkout. Blocks marked `<!-- not-tested: why -->` are skipped.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";
import { blockFiles, codeBlocks, npmScripts, type CodeBlock } from "./extract";

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = codeBlocks(README);
/** Where the blocks' files live, virtually: never written, never seen by the repository's tsc. */
const VIRTUAL = join(ROOT, "test", "tmp", "readme");
/** The package's entry points, as a consumer imports them. */
const PACKAGE_ENTRIES: Record<string, string> = { dsl: "dsl", runtime: "runtime", openfeature: "runtime/openfeature" };

interface VirtualFile {
  readonly block: CodeBlock;
  readonly readmeLine: number;
  readonly text: string;
  /** The same relative place in the repository, for resolving the block's relative imports. */
  readonly inRepo: string;
}

function virtualFiles(): Map<string, VirtualFile> {
  const files = new Map<string, VirtualFile>();
  for (const block of blocks) {
    if (block.lang !== "ts" || block.notTested !== undefined) continue;
    for (const file of blockFiles(block)) {
      // Each block is its own module set; `export {}` keeps a script block from sharing globals.
      files.set(join(VIRTUAL, `line-${block.line}`, file.path), { block, readmeLine: file.readmeLine, text: `${file.text}\nexport {};\n`, inRepo: join(ROOT, file.path) });
    }
  }
  return files;
}

function typeCheck(files: Map<string, VirtualFile>): string[] {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  // ES modules, as an application's entry point is: top-level `await` is allowed.
  const options: ts.CompilerOptions = {
    ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options,
    module: ts.ModuleKind.ES2022,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    // Node's types, as an application has; not jest's (the blocks are not tests), whose declarations
    // are the largest the check would otherwise parse.
    types: ["node"],
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const file = files.get(resolve(name));
    return file !== undefined ? ts.createSourceFile(name, file.text, language, true) : getSourceFile(name, language, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => [...files.keys()].some((f) => f.startsWith(`${resolve(name)}/`)) || (directoryExists?.(name) ?? true);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(resolve(name))?.text ?? readFile(name);
  host.resolveModuleNames = (names, containing) =>
    names.map((name) => {
      const lookup = (spec: string, from: string) => ts.resolveModuleName(spec, from, options, host).resolvedModule;
      const entry = /^offline-features\/(\w+)$/.exec(name);
      if (entry !== null && PACKAGE_ENTRIES[entry[1]!] !== undefined) return lookup(join(ROOT, PACKAGE_ENTRIES[entry[1]!]!), containing);
      const own = lookup(name, containing);
      if (own !== undefined) return own;
      // A relative import the block does not provide: what the same file in the repository sees.
      const file = files.get(resolve(containing));
      return file !== undefined && name.startsWith(".") ? lookup(name, file.inRepo) : undefined;
    });
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: string[] = [];
  // The blocks' own diagnostics and the program's: what a block's code gets wrong (or makes the
  // library's types report at the block). The library's files are `tsc --noEmit`'s to check; checking
  // them all again here was most of this test's time.
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...files.keys()].flatMap((name) => {
      const file = program.getSourceFile(name);
      if (file === undefined) throw new Error(`${name} is not in the program`);
      return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    }),
  ];
  for (const d of diagnostics) {
    const file = d.file === undefined ? undefined : files.get(resolve(d.file.fileName));
    const line = file === undefined || d.start === undefined ? undefined : d.file!.getLineAndCharacterOfPosition(d.start).line + file.readmeLine;
    const where = file === undefined ? (d.file === undefined ? "(program)" : relative(ROOT, d.file.fileName)) : `README.md:${line}`;
    problems.push(`${where}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  }
  return problems;
}

describe("README.md", () => {
  test("has code blocks, each tested or marked with the reason it is not", () => {
    expect(blocks.filter((b) => b.lang === "ts" && b.notTested === undefined).length).toBeGreaterThan(5);
    for (const b of blocks) if (b.notTested !== undefined) expect(b.notTested).not.toBe("");
  });

  test("every ts block type-checks against the library", () => {
    const files = virtualFiles();
    expect(files.size).toBeGreaterThan(5);
    expect(typeCheck(files)).toEqual([]);
  });

  test("every `npm run` script a sh block names exists", () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
    const used = blocks.filter((b) => b.lang === "sh" && b.notTested === undefined).flatMap((b) => npmScripts(b).map((s) => `README.md:${b.line}: npm run ${s}`));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !scripts.includes(u.split("npm run ")[1]!))).toEqual([]);
  });

  test("the splitting of blocks into files", () => {
    const [block] = codeBlocks("<!-- not-tested: example -->\n```ts\n// features/a.ts\nexport const a = 1;\n// features/b.ts\nimport { a } from \"./a\";\n```\n");
    expect(block!.notTested).toBe("example");
    expect(blockFiles(block!)).toEqual([
      { path: "features/a.ts", text: "export const a = 1;", readmeLine: 4 },
      { path: "features/b.ts", text: 'import { a } from "./a";', readmeLine: 6 },
    ]);
    expect(dirname(join(VIRTUAL, "x"))).toBe(VIRTUAL);
  });
});
