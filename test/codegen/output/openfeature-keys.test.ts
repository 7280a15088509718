import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { generate } from "../../../codegen/generate";
import { openFeatureKind, OPENFEATURE_KEYS_FILE } from "../../../codegen/output/emit/openfeature-keys";
import { ROOT, tempProject, type TempProject } from "../temp-project";

jest.setTimeout(120_000);

/** One feature of each kind, and one that mixes kinds. */
const FEATURES = `import { eq, ctx, feature } from "DSL";
export const darkMode = feature("dark-mode").bucket("on", eq(ctx.string("plan"), "pro"), true).default(false);
export const theme = feature("theme").bucket("dark", eq(ctx.string("plan"), "pro"), "dark").default("light");
export const limit = feature("limit").default(10);
export const banner = feature("banner").default({ text: "hi" });
export const mixed = feature("mixed").bucket("on", eq(ctx.string("plan"), "pro"), true).default(42);
`;

/** The type test, compiled in a program of its own (see its header). */
const APP = join(ROOT, "test", "types", "openfeature", "app.ts");
/** Inside the repository (so `@openfeature/*` resolve to its node_modules), git-ignored and outside its tsc. */
const KEYS_DIR = join(ROOT, "test", "tmp", "openfeature-keys");

/** The diagnostics of a program of `files` under the repository's compiler options, skipLibCheck as the SDK asks. */
function diagnostics(files: readonly string[], skipLibCheck = true): string[] {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true, skipLibCheck };
  const program = ts.createProgram([...files], options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file === undefined || d.start === undefined ? "" : `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`;
    return `${d.file?.fileName.slice(ROOT.length + 1) ?? ""}${line} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

describe("gen --openfeature: the SDK's flag-key types narrowed to the project's features", () => {
  let p: TempProject;
  let keys: string;
  beforeAll(async () => {
    p = tempProject();
    p.write("flags.ts", FEATURES);
    // Without the flag, no declaration: a project without the SDK compiles what gen writes.
    expect((await generate(p.options)).written).not.toContain(OPENFEATURE_KEYS_FILE);
    // The flag is part of the cache's settings: turning it on writes the declaration, and only it.
    expect((await generate({ ...p.options, openFeature: true })).written).toEqual([OPENFEATURE_KEYS_FILE]);
    keys = readFileSync(join(p.out, OPENFEATURE_KEYS_FILE), "utf8");
    mkdirSync(KEYS_DIR, { recursive: true });
    writeFileSync(join(KEYS_DIR, OPENFEATURE_KEYS_FILE), keys);
  });
  afterAll(() => p.dispose());

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
    const redeclared = diagnostics([APP, join(KEYS_DIR, OPENFEATURE_KEYS_FILE)], false).filter((d) => d.includes("Duplicate identifier"));
    expect(redeclared.filter((d) => d.startsWith(`test/tmp/openfeature-keys/${OPENFEATURE_KEYS_FILE}`))).toHaveLength(4);
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
    [{ __type: "array", element: { __type: "number" } }, "object"],
    [{ __type: "union", name: undefined, members: [{ __type: "object", name: "Banner", required: [], optional: [] }, { __type: "null" }] }, undefined],
    [{ __type: "permissive", reason: "unknown" }, undefined],
    [{ __type: "union", name: undefined, members: [{ __type: "number" }, { __type: "literal", value: "x" }] }, undefined],
  ] as const)("%j → %s", (codec, kind) => {
    expect(openFeatureKind(codec)).toBe(kind);
  });
});
