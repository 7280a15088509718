import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { Project } from "ts-morph";
import { openFeatureKeysStructure, openFeatureKind, OPENFEATURE_KEYS_FILE } from "../../../codegen/output/emit/openfeature-keys";
import type { CodecNode } from "../../../codegen/pipeline/type-read/value-codec";
import { ROOT } from "../temp-project";

jest.setTimeout(60_000);

const TRUE: CodecNode = { __type: "literal", value: true };
const FALSE: CodecNode = { __type: "literal", value: false };
/**
 * One feature of each kind and one that mixes kinds, with the codecs gen reads from
 * `feature("dark-mode")…default(false)`, `"dark" | "light"`, `number`, `{ text: string }` and
 * `boolean | 42` (gen itself writes the file with `--openfeature`: see gen.test.ts).
 */
const FEATURES: ReadonlyArray<{ key: string; codec: CodecNode }> = [
  { key: "banner", codec: { __type: "object", name: undefined, required: [{ key: "text", codec: { __type: "string" } }], optional: [] } },
  { key: "dark-mode", codec: { __type: "union", name: undefined, members: [TRUE, FALSE] } },
  { key: "limit", codec: { __type: "number" } },
  { key: "mixed", codec: { __type: "union", name: undefined, members: [TRUE, FALSE, { __type: "literal", value: 42 }] } },
  { key: "theme", codec: { __type: "union", name: undefined, members: [{ __type: "literal", value: "dark" }, { __type: "literal", value: "light" }] } },
];

/** The type test, compiled in a program of its own (see its header). */
const APP = join(ROOT, "test", "types", "openfeature", "app.ts");
/** Inside the repository (so `@openfeature/*` resolve to its node_modules), git-ignored and outside its tsc. */
const KEYS_DIR = join(ROOT, "test", "tmp", "openfeature-keys");

let previous: ts.Program | undefined;

/**
 * The diagnostics of `check` in a program of `files` under the repository's compiler options
 * (without jest's types), skipLibCheck as the SDK asks unless told otherwise. Each program reuses
 * the last one's parsed files, and only the files named are checked: the suite stays quick.
 */
function diagnostics(files: readonly string[], check: readonly string[] = files, skipLibCheck = true): string[] {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true, skipLibCheck, types: ["node"] };
  const program = ts.createProgram({ rootNames: [...files], options, ...(previous === undefined ? {} : { oldProgram: previous }) });
  previous = program;
  const found = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...check.flatMap((f) => {
    const source = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  })];
  return found.map((d) => {
    const line = d.file === undefined || d.start === undefined ? "" : `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`;
    return `${d.file?.fileName.slice(ROOT.length + 1) ?? ""}${line} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("gen --openfeature: the SDK's flag-key types narrowed to the project's features", () => {
  let keys: string;
  beforeAll(() => {
    const project = new Project({ useInMemoryFileSystem: true });
    keys = project.createSourceFile(OPENFEATURE_KEYS_FILE, openFeatureKeysStructure("features/", FEATURES)).getFullText();
    mkdirSync(KEYS_DIR, { recursive: true });
    writeFileSync(join(KEYS_DIR, OPENFEATURE_KEYS_FILE), keys);
  });

  test("one key type per kind, the mixed feature in none, as a module augmentation of @openfeature/core", () => {
    expect(keys).toMatch(/^\/\/ DO NOT EDIT\. Generated from features\/ by `npm run gen`\./);
    expect(keys).toContain('declare module "@openfeature/core" {');
    expect(keys).toContain('export type BooleanFlagKey = "dark-mode";');
    expect(keys).toContain('export type StringFlagKey = "theme";');
    expect(keys).toContain('export type NumberFlagKey = "limit";');
    expect(keys).toContain('export type ObjectFlagKey = "banner";');
    expect(keys).toContain('In no key type (values of mixed kinds, null, or unchecked; read them with the generated getters): "mixed".');
  });

  test("with the real SDK client, a wrong key or a key of another kind does not compile, the right ones do", () => {
    expect(diagnostics([APP, join(KEYS_DIR, OPENFEATURE_KEYS_FILE)])).toEqual([]);
  });

  test("the SDK's key types are aliases: without skipLibCheck the compiler reports them redeclared (why the README asks for it)", () => {
    const declaration = join(KEYS_DIR, OPENFEATURE_KEYS_FILE);
    const redeclared = diagnostics([APP, declaration], [declaration], false);
    expect(redeclared).toHaveLength(4);
    expect(redeclared.every((d) => d.startsWith(`test/tmp/openfeature-keys/${OPENFEATURE_KEYS_FILE}:`) && d.includes("Duplicate identifier"))).toBe(true);
  });

  test("without the declaration the SDK takes any string: exactly the marked lines compile, so the declaration is what rejects them", () => {
    const marked = readFileSync(APP, "utf8").split("\n").flatMap((line, i) => (/^\s*\/\/ @ts-expect-error/.test(line) ? [i + 1] : []));
    expect(marked).toHaveLength(6);
    expect(diagnostics([APP])).toEqual(marked.map((line) => `test/types/openfeature/app.ts:${line} Unused '@ts-expect-error' directive.`));
  });
});

describe("openFeatureKind", () => {
  test.each([
    [{ __type: "union", name: undefined, members: [{ __type: "literal", value: "a" }, { __type: "string" }] }, "string"],
    [{ __type: "union", name: "Flag", members: [{ __type: "literal", value: true }, { __type: "literal", value: false }] }, "boolean"],
    [{ __type: "array", element: { __type: "number" }, readonly: false }, "object"],
    [{ __type: "union", name: undefined, members: [{ __type: "object", name: "Banner", required: [], optional: [] }, { __type: "null" }] }, undefined],
    [{ __type: "permissive", reason: "unknown" }, undefined],
    [{ __type: "union", name: undefined, members: [{ __type: "number" }, { __type: "literal", value: "x" }] }, undefined],
  ] as const)("%j → %s", (codec, kind) => {
    expect(openFeatureKind(codec)).toBe(kind);
  });
});
