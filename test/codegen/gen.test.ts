import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { check, generate } from "../../codegen/generate";
import { formatProblems, GenerationError } from "../../codegen/problems";
import { nodeRequire } from "./node-require";
import { flag, tempProject, type TempProject } from "./temp-project";

jest.setTimeout(60_000);

let p: TempProject;
beforeEach(() => {
  p = tempProject();
});
afterEach(() => p.dispose());

/** Name → [content, mtime] of every file in the out folder. */
function snapshot(dir: string): Map<string, [string, number]> {
  const files = new Map<string, [string, number]>();
  for (const name of readdirSync(dir).sort()) files.set(name, [readFileSync(join(dir, name), "utf8"), statSync(join(dir, name)).mtimeMs]);
  return files;
}

/** Sets every output's mtime in the past, so a rewrite would show. */
function age(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
}

/**
 * The type errors of the generated modules in `dir` (only theirs: the runtime they import is `tsc
 * --noEmit`'s to check), under the compiler options of the project's tsconfig.json, as its tsc sees them.
 */
function typeErrors(dir: string): string[] {
  const config = ts.readConfigFile(join(dir, "..", "tsconfig.json"), ts.sys.readFile);
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, join(dir, "..")).options, types: [] };
  const files = readdirSync(dir).filter((name) => name.endsWith(".ts")).map((name) => join(dir, name));
  const program = ts.createProgram(files, options);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...files.flatMap((f) => {
    const source = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  })];
  return diagnostics.map((d) => {
    const line = d.file === undefined || d.start === undefined ? "" : `(${d.file.getLineAndCharacterOfPosition(d.start).line + 1})`;
    return `${d.file?.fileName.slice(dir.length + 1) ?? ""}${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

async function problemsOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(GenerationError);
    return (e as GenerationError).message;
  }
  throw new Error("expected the run to fail");
}

describe("gen", () => {
  test("writes each feature's JSON and accessor, the bundle, the store module and the index", async () => {
    // No tsconfig.json in this project: the generator's default compiler options.
    p.dispose();
    p = tempProject({ tsconfig: false });
    p.write("alpha.ts", flag("alpha"));
    p.write("nested/beta.ts", flag("beta", 0.2));
    const summary = await generate(p.options);
    expect(summary).toMatchObject({ features: 2, unchanged: 0, removed: [], fromCache: false });
    expect(summary.written).toEqual(["alpha.json", "alpha.ts", "beta.json", "beta.ts", "feature-store.ts", "features.json", "index.ts", "schema.json"]);
    const bundle = JSON.parse(readFileSync(join(p.out, "features.json"), "utf8"));
    expect(Object.keys(bundle.features)).toEqual(["alpha", "beta"]);
    expect(bundle.format).toBe("offline-features/bundle@1");
    expect(bundle.generated).toBe("DO NOT EDIT. Generated from features/ by `npm run gen`.");
    expect(readFileSync(join(p.out, "beta.ts"), "utf8")).toMatch(/^\/\/ DO NOT EDIT\. Generated from features\/nested\/beta\.ts by `npm run gen`\.\n/);
    // Per-feature JSON stays PyOF's format: no header field.
    expect(JSON.parse(readFileSync(join(p.out, "alpha.json"), "utf8"))).toEqual(bundle.features.alpha);
  });

  test("keys as users write them: dashed and dotted keys get camelCase getters and their own files", async () => {
    p.write("checkout.ts", `${flag("new-checkout", 1)}\n${flag("checkout.v2", 0).replace(/^import .*\n/, "")}`);
    const summary = await generate(p.options);
    expect(summary.written).toEqual(expect.arrayContaining(["new-checkout.json", "new-checkout.ts", "checkout.v2.json", "checkout.v2.ts"]));
    const generated = nodeRequire(join(p.out, "index.ts")) as { getNewCheckout(): boolean; getCheckoutV2(): boolean };
    expect(generated.getNewCheckout()).toBe(true);
    expect(generated.getCheckoutV2()).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(p.out, "features.json"), "utf8")).features)).toEqual(["checkout.v2", "new-checkout"]);
  });

  test("the generated getters evaluate through the generated store", async () => {
    p.write("alpha.ts", flag("alpha", 0.5));
    await generate(p.options);
    const generated = nodeRequire(join(p.out, "index.ts")) as {
      getAlpha(ctx?: object): boolean;
      getAlphaDetails(ctx?: object): { bucket: string; reason: string };
      store: { replace(json: unknown): { _tag: string } };
    };
    expect(generated.getAlpha({ sessionRandom: 0.1 })).toBe(true);
    expect(generated.getAlphaDetails({ sessionRandom: 0.9 })).toMatchObject({ bucket: "default", reason: "DEFAULT" });
    // Replacing the store with a bundle that lacks the feature: the generated default, reason ERROR.
    const empty = JSON.parse(readFileSync(join(p.out, "features.json"), "utf8"));
    empty.features = {};
    empty.hash = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"; // sha256 of "{}"
    expect(generated.store.replace(empty)._tag).toBe("Right");
    expect(generated.getAlphaDetails({ sessionRandom: 0.1 })).toMatchObject({ bucket: "default", reason: "ERROR" });
  });

  test("an unchanged re-run writes nothing and keeps mtimes, with or without the cache", async () => {
    p.write("alpha.ts", flag("alpha"));
    await generate(p.options);
    age(p.out);
    const before = snapshot(p.out);
    const cached = await generate(p.options);
    expect(cached).toMatchObject({ features: 1, written: [], unchanged: 6, fromCache: true });
    const full = await generate({ ...p.options, cacheDir: undefined });
    expect(full).toMatchObject({ features: 1, written: [], unchanged: 6, fromCache: false });
    expect(snapshot(p.out)).toEqual(before);
  });

  test("the cache's stamps do not hide an output edited in place after they were recorded", async () => {
    p.write("alpha.ts", flag("alpha"));
    await generate(p.options);
    // Files older than the stamps' racy window get stamps: the unchanged run records the outputs' stamps.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await generate(p.options)).toMatchObject({ fromCache: true });
    expect(await generate(p.options)).toMatchObject({ fromCache: true });
    const file = join(p.out, "alpha.json");
    const text = readFileSync(file, "utf8");
    const edited = text.replace('"value": 0.5', '"value": 0.6');
    expect(edited).not.toBe(text);
    // Same size, modification time put back: only the change time tells.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, edited);
    utimesSync(file, atime, mtime);
    expect(await generate(p.options)).toMatchObject({ fromCache: false, written: ["alpha.json"] });
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  test("a changed feature rewrites only its own files and the bundle", async () => {
    p.write("alpha.ts", flag("alpha"));
    p.write("beta.ts", flag("beta"));
    await generate(p.options);
    p.write("alpha.ts", flag("alpha", 0.3));
    const summary = await generate(p.options);
    expect(summary.written).toEqual(["alpha.json", "alpha.ts", "features.json"]);
    expect(summary.unchanged).toBe(5);
  });

  test("removing a feature removes its generated files", async () => {
    p.write("alpha.ts", flag("alpha"));
    p.write("beta.ts", flag("beta"));
    writeFileSync(join(p.dir, "keep.txt"), "not generated");
    await generate(p.options);
    writeFileSync(join(p.out, "notes.md"), "mine");
    p.remove("beta.ts");
    const summary = await generate(p.options);
    expect([...summary.removed].sort()).toEqual(["beta.json", "beta.ts"]);
    expect(readdirSync(p.out).sort()).toEqual(["alpha.json", "alpha.ts", "feature-store.ts", "features.json", "index.ts", "notes.md", "schema.json"]);
    expect(readFileSync(join(p.out, "index.ts"), "utf8")).not.toContain("beta");
  });

  test("--runtime-import sets the specifier generated code imports the runtime with; --openfeature adds the flag-key declaration", async () => {
    p.write("alpha.ts", flag("alpha"));
    const summary = await generate({ ...p.options, runtimeImport: "@acme/flags/runtime", openFeature: true });
    expect(summary.written).toContain("openfeature-keys.d.ts");
    expect(readFileSync(join(p.out, "openfeature-keys.d.ts"), "utf8")).toContain('declare module "@openfeature/core" {\n  /** The features whose every value is a boolean: the keys `getBooleanValue / getBooleanDetails` accept. */\n  export type BooleanFlagKey = "alpha";');
    expect(readFileSync(join(p.out, "alpha.ts"), "utf8")).toContain('import { t, type AmbientOverrides, type EvaluationDetails, type EvaluationOptions } from "@acme/flags/runtime/lean";');
    expect(readFileSync(join(p.out, "feature-store.ts"), "utf8")).toContain('import { FeatureStore, overridesFromEnvironment, type FeatureOverride } from "@acme/flags/runtime/lean";');
  });

  test("the store imports the regex engine exactly when a pattern is outside the literal fast path", async () => {
    const regexFlag = (key: string, pattern: string) =>
      `import { feature, regex, hostname } from "DSL";\n\nexport const f = feature(${JSON.stringify(key)})\n  .bucket("on", regex(hostname(), ${JSON.stringify(pattern)}), true)\n  .default(false);\n`;
    p.write("literal.ts", regexFlag("literal", "^len.+"));
    await generate({ ...p.options, runtimeImport: "@acme/flags/runtime" });
    const lean = readFileSync(join(p.out, "feature-store.ts"), "utf8");
    expect(lean).toContain('from "@acme/flags/runtime/lean";');
    expect(lean).not.toContain("re2");

    p.write("complex.ts", regexFlag("complex", "^(len|ibm)\\d+$"));
    await generate(p.options);
    const store = readFileSync(join(p.out, "feature-store.ts"), "utf8");
    expect(store).toContain(`// re2js as the regex engine, for the patterns outside the literal fast path: complex "^(len|ibm)\\\\d+$".\nimport "${p.options.runtimeImport}/re2";`);
    const generated = nodeRequire(join(p.out, "index.ts")) as { getComplexDetails(ctx?: object): { bucket: string; errors: readonly unknown[] }; getLiteral(ctx?: object): boolean };
    expect(generated.getComplexDetails({ hostname: "ibm7" })).toMatchObject({ bucket: "on", errors: [] });
    expect(generated.getLiteral({ hostname: "lenovo" })).toBe(true);
  });
});

describe("value and context types", () => {
  test("interfaces are imported, literal unions kept, context keys required with their types", async () => {
    p.write(
      "banner.ts",
      `import { feature, ctx, eq } from "DSL";
export interface Banner { readonly text: string }
export type Size = "s" | "m" | "l";
export const banner = feature("banner").valueType<Banner>()
  .bucket("fr", eq(ctx.string("country"), "FR"), { text: "Bonjour" })
  .default({ text: "Hello" });
export const size = feature("size").valueType<Size>()
  .bucket("big", ctx.number("width").ge(1000), "l")
  .bucket("vip", ctx.boolean("user.vip").eq(true), "m")
  .default("s");
export const plain = feature("plain").bucket("x", eq(ctx.string("plan"), "pro"), { a: [1, 2], b: "x" }).default(null);
export const search = feature("search")
  .bucket("eu", ctx.string("region").eq("eu"), { pageSize: 50, facets: ["brand", "price"] })
  .default({ pageSize: 20, facets: ["brand"] });
export const tags = feature("tags").valueType<readonly string[]>().bucket("eu", ctx.string("region").eq("eu"), ["gdpr"]).default([]);
`,
    );
    await generate(p.options);
    // The generated modules compile as a consumer's tsc sees them: the value codec's output type fits
    // the value type (a mutable inferred `string[]` needs `t.array`, not `t.readonlyArray`).
    expect(typeErrors(p.out)).toEqual([]);
    expect(readFileSync(join(p.out, "search.ts"), "utf8")).toContain("const valueCodec: t.Decoder<unknown, SearchValue> = t.type({ pageSize: t.number, facets: t.array(t.string) }");
    expect(readFileSync(join(p.out, "tags.ts"), "utf8")).toContain("const valueCodec: t.Decoder<unknown, TagsValue> = t.readonlyArray(t.string);");
    const banner = readFileSync(join(p.out, "banner.ts"), "utf8");
    expect(banner).toContain('import type { Banner } from "../features/banner";');
    expect(banner).toContain("export type BannerValue = Banner;");
    expect(banner).toContain("export type BannerContext = { readonly country: string } & AmbientOverrides;");
    expect(banner).toContain("export function getBanner(ctx: BannerContext, options?: EvaluationOptions): BannerValue {");
    const size = readFileSync(join(p.out, "size.ts"), "utf8");
    expect(size).toContain('import type { Size } from "../features/banner";');
    expect(size).toContain('export type SizeContext = { readonly \"user.vip\": boolean; readonly width: number } & AmbientOverrides;');
    const plain = readFileSync(join(p.out, "plain.ts"), "utf8");
    // Typed like an ordinary const: literals inside objects and arrays widen.
    expect(plain).toContain("export type PlainValue = { a: number[]; b: string; } | null;");
    expect(plain).not.toMatch(/JsonValue|\bany\b/);
  });

  test("a feature's generated types do not depend on which other feature files the checker saw first", async () => {
    const greeting = (key: string, values: readonly string[]) =>
      `import { feature, ctx, eq } from "DSL";\nexport const ${key} = feature("${key}")\n${values
        .slice(0, -1)
        .map((v) => `  .bucket("${v}", eq(ctx.string("country"), "${v}"), "${v}")\n`)
        .join("")}  .default("${values[values.length - 1]}");\n`;
    p.write("zeta.ts", greeting("zeta", ["hallo", "hello", "bonjour"]));
    await generate(p.options);
    const alone = readFileSync(join(p.out, "zeta.ts"), "utf8");
    expect(alone).toContain('export type ZetaValue = "bonjour" | "hallo" | "hello";');
    // Checked first (file order), alpha makes the checker create "bonjour" before zeta's other values.
    p.write("alpha.ts", greeting("alpha", ["bonjour", "ciao"]));
    const summary = await generate(p.options);
    expect(summary.written).not.toContain("zeta.ts");
    expect(readFileSync(join(p.out, "zeta.ts"), "utf8")).toBe(alone);
  });
});

describe("errors name file:line and leave the output as it was", () => {
  /*
   * One run over one project holding every kind of broken file: a run reports every problem, each
   * once, at its own file and line, so one generate (not one per case) checks them all.
   */
  test("each failing file is reported once, at its place: throws, syntax error, type error, refused by the DSL, DSL misuse, a key used twice, lint, context types, value types, past the runtime's input limits; every problem of every phase in one run, not only the first", async () => {
    p.write("throws.ts", `import { feature } from "DSL";\n\nthrow new Error("boom");\nexport const bad = feature("bad").default(1);\n`);
    p.write("syntax.ts", `import { feature } from "DSL";\nexport const bad = ;\n`);
    p.write("type.ts", `import { feature, lt, hostname } from "DSL";\n\nexport const bad = feature("bad").bucket("x", lt(hostname(), 1), true).default(false);\n`);
    p.write("refused.ts", `import { feature, regex, hostname } from "DSL";\n\nexport const bad = feature("bad")\n  .bucket("x", regex(hostname(), "("), true)\n  .default(false);\n`);
    // A DSL misuse is one compile error whose text names the problem.
    p.write("dup.ts", `import { c, feature } from "DSL";\nexport const dup = feature("dup").bucket("fr", c.always(), 1).bucket("fr", c.always(), 2).default(0);\n`);
    p.write("twice-a.ts", flag("alpha"));
    p.write("twice-b.ts", `\n${flag("alpha")}`);
    p.write("x-first.ts", `throw new Error("first");\n`);
    p.write("x-nothing.ts", `const nothing = 1;\nvoid nothing;\n`);
    // Later phases report in the same run, for the features the earlier phases let through: lint,
    // the context-types rule within one feature, and value types.
    p.write("lint.ts", `import { c, ctx, feature } from "DSL";\n\nexport const shadowed = feature("shadowed")\n  .bucket("all", c.always(), 1)\n  .bucket("beta", ctx.boolean("beta").eq(true), 2)\n  .default(0);\n`);
    p.write("ctx-types.ts", `import { ctx, feature } from "DSL";\n\nexport const ages = feature("ages")\n  .bucket("s", ctx.string("age").eq("x"), 1)\n  .bucket("n", ctx.number("age").gt(3), 2)\n  .default(0);\n`);
    p.write("value-type.ts", `import { feature } from "DSL";\n\ninterface Config { readonly n: number }\nexport const cfg = feature("cfg").valueType<Config>().default({ n: 1 });\n`);
    // Past the runtime's default depth: the generated store would refuse the whole bundle at load.
    p.write("deep.ts", `import { c, feature } from "DSL";\n\nlet rule = c.always();\nfor (let i = 0; i < 300; i++) rule = rule.not();\nexport const deep = feature("deep").bucket("on", rule, true).default(false);\n`);
    let problems: string[] = [];
    try {
      await generate(p.options);
    } catch (e) {
      expect(e).toBeInstanceOf(GenerationError);
      expect((e as GenerationError).message).toBe(formatProblems((e as GenerationError).problems));
      problems = (e as GenerationError).problems.map((one) => formatProblems([one]));
    }
    const of = (file: string) => problems.filter((line) => line.startsWith(`features/${file}:`));
    expect(of("throws.ts")).toEqual(["features/throws.ts:3: Error: boom"]);
    expect(of("syntax.ts")).toEqual([expect.stringMatching(/^features\/syntax\.ts:2: TS1109: Expression expected\.$/)]);
    expect(of("type.ts")).toEqual([expect.stringMatching(/^features\/type\.ts:3: TS2769: No overload matches this call\.\n[^]*Argument of type 'Attr<string, \{\}>' is not assignable/)]);
    // Refused when the definition runs: its own place, once.
    expect(of("refused.ts")).toEqual([expect.stringMatching(/^features\/refused\.ts:4: feature "bad", bucket "x": value: invalid regular expression "\("/)]);
    expect(of("dup.ts")).toEqual([expect.stringMatching(/^features\/dup\.ts:2: TS2345: .*DslError<"the bucket name 'fr' is already used">/)]);
    expect(of("twice-a.ts")).toEqual([]);
    expect(of("twice-b.ts")).toEqual(['features/twice-b.ts:4: duplicate feature key "alpha": also defined at features/twice-a.ts:3 (keys are unique across the project)']);
    expect(of("x-first.ts")).toEqual(["features/x-first.ts:1: Error: first"]);
    expect(of("x-nothing.ts")).toEqual(["features/x-nothing.ts:1: exports nothing; export a feature (the result of feature(...).default(...)), or the rules, constants and types the features share"]);
    expect(of("lint.ts")).toEqual([expect.stringMatching(/^features\/lint\.ts:5: error: feature "shadowed", bucket "beta" \(buckets\[1\]\): bucket "beta" can never match: .* \[unreachable-bucket\]$/)]);
    expect(of("ctx-types.ts")).toEqual(['features/ctx-types.ts:5: error: feature "ages", bucket "n": context attribute "age" is read as string and as number (bucket "n"); use one type [context-types]']);
    expect(of("value-type.ts")).toEqual(['features/value-type.ts:3: type "Config" is part of the value type of feature "cfg" but is not exported; export it so the generated accessor can import it']);
    expect(of("deep.ts")).toEqual([
      'features/deep.ts:5: feature "deep": its JSON nests 304 levels deep and the runtime refuses a feature deeper than limits.depth = 256 (at most 1,024 with { limits: { depth: … } } on a store of your own); nest the rule less (a flat c.all/c.any instead of nested calls); the generated store loads its bundle with the default limits and would refuse the whole bundle (every getter answering its default)',
    ]);
    // Nothing else, and in the order of the files.
    expect(problems.length).toBe(12);
    expect(problems.map((line) => line.split(":")[0])).toEqual(
      ["ctx-types.ts", "deep.ts", "dup.ts", "lint.ts", "refused.ts", "syntax.ts", "throws.ts", "twice-b.ts", "type.ts", "value-type.ts", "x-first.ts", "x-nothing.ts"].map((f) => `features/${f}`),
    );
    expect(existsSync(p.out)).toBe(false);
  });

  test("files may export rules, constants and types beside features; a file exporting nothing is reported", async () => {
    p.write("segments.ts", `import { ctx } from "DSL";\nexport const europe = ctx.string("country").oneOf(["FR", "DE"]);\nexport const threshold = 0.5;\n`);
    p.write("types.ts", `export interface Banner { readonly title: string }\n`);
    p.write("eu.ts", `import { feature } from "DSL";\nimport { europe } from "./segments";\nimport type { Banner } from "./types";\nexport const eu = feature("eu").bucket("eu", europe, { title: "EU" } as Banner).default({ title: "" } as Banner);\n`);
    p.write("forgot.ts", `import { feature, c } from "DSL";\nconst hidden = feature("hidden").bucket("a", c.always(), 1).default(0);\nexport {};\nvoid hidden;\n`);
    expect(await problemsOf(() => generate(p.options))).toBe(
      "features/forgot.ts:1: exports nothing; export a feature (the result of feature(...).default(...)), or the rules, constants and types the features share",
    );
    p.remove("forgot.ts");
    expect(await generate(p.options)).toMatchObject({ features: 1 });
    expect(readFileSync(join(p.out, "eu.ts"), "utf8")).toContain("export type EuValue = Banner;");
  });

  test("keys that would clash with the generator's files or names", async () => {
    p.write("a.ts", flag("index"));
    p.write("b.ts", flag("foo_bar"));
    p.write("c.ts", flag("fooBar"));
    p.write("d.ts", flag("schema"));
    p.write("e.ts", flag("new-checkout"));
    p.write("f.ts", flag("newCheckout"));
    p.write("g.ts", flag("feature-store"));
    p.write("h.ts", flag("con"));
    p.write("i.ts", flag("Alpha"));
    p.write("j.ts", flag("ALPHA"));
    const message = await problemsOf(() => generate(p.options));
    expect(message).toContain('features/f.ts:3: feature key "newCheckout" gives the same generated names (getNewCheckout) as "new-checkout" at features/e.ts:3');
    expect(message).toContain('features/g.ts:3: the feature key "feature-store" is reserved: the generator writes feature-store.ts itself');
    expect(message).toContain('features/h.ts:3: the feature key "con" cannot be generated: its file names (con.ts, con.json) are device names on Windows');
    expect(message).toContain('features/j.ts:3: feature key "ALPHA" differs from "Alpha" at features/i.ts:3 only in case');
    expect(message).toContain('features/a.ts:3: the feature key "index" is reserved: the generator writes index.ts itself');
    expect(message).toContain('features/d.ts:3: the feature key "schema" is reserved: the generator writes schema.json itself');
    expect(message).toContain('features/c.ts:3: feature key "fooBar" gives the same generated names (getFooBar) as "foo_bar" at features/b.ts:3');
  });

  test("a value type that is not exported", async () => {
    p.write("cfg.ts", `import { feature } from "DSL";\n\ninterface Config { readonly n: number }\nexport const cfg = feature("cfg").valueType<Config>().default({ n: 1 });\n`);
    expect(await problemsOf(() => generate(p.options))).toBe(
      'features/cfg.ts:3: type "Config" is part of the value type of feature "cfg" but is not exported; export it so the generated accessor can import it',
    );
  });

  test("an expression nested too deeply for TypeScript's parser is a problem at its file, not a crash", async () => {
    const rule = Array.from({ length: 3000 }).reduce<string>((inner) => `c.not(${inner})`, 'eq(ctx.string("country"), "FR")');
    p.write("deep.ts", `import { feature, c, eq, ctx } from "DSL";\nexport const deep = feature("deep").bucket("x", ${rule}, true).default(false);\n`);
    expect(await problemsOf(() => generate(p.options))).toMatch(/^features\/deep\.ts: TypeScript ran out of stack reading this \(Maximum call stack size exceeded\)/);
  });

  test("a feature file that throws halfway through a run changes no file in the out folder", async () => {
    p.write("alpha.ts", flag("alpha"));
    p.write("beta.ts", flag("beta"));
    p.write("gamma.ts", flag("gamma"));
    await generate(p.options);
    age(p.out);
    const before = snapshot(p.out);
    // alpha changes (it would be rewritten), beta throws (loaded after alpha), gamma is removed (its files would go).
    p.write("alpha.ts", flag("alpha", 0.1));
    p.write("beta.ts", `import { feature } from "DSL";\nif (Date.now() > 0) throw new Error("halfway");\nexport const beta = feature("beta").default(1);\n`);
    p.remove("gamma.ts");
    expect(await problemsOf(() => generate(p.options))).toBe("features/beta.ts:2: Error: halfway");
    expect(snapshot(p.out)).toEqual(before);
    expect(readdirSync(p.out).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

/** A segment outside features/ and a feature that imports it: the case a folder list missed. */
function segmentProject(countries: readonly string[]): void {
  p.writeOutside("segments/beta.ts", `import { ctx } from "DSL";\nexport const beta = ctx.string("country").oneOf(${JSON.stringify(countries)});\n`);
  p.write("eu.ts", `import { feature } from "DSL";\nimport { beta } from "../segments/beta";\nexport const eu = feature("eu").bucket("beta", beta, true).default(false);\n`);
}

describe("gen --check", () => {
  test("an edit to a file a feature imports from outside features/ fails --check until gen runs (the cache follows what the run loaded)", async () => {
    segmentProject(["FR"]);
    const first = await generate(p.options);
    expect(first.inputs).toContain(join(p.dir, "segments", "beta.ts"));
    expect(await check(p.options)).toMatchObject({ ok: true });
    segmentProject(["FR", "DE"]);
    const stale = await check(p.options);
    expect(stale.ok).toBe(false);
    expect(stale.stale).toEqual(expect.arrayContaining(["eu.json", "features.json"]));
    expect(await generate(p.options)).toMatchObject({ fromCache: false, written: expect.arrayContaining(["eu.json"]) });
    expect(readFileSync(join(p.out, "eu.json"), "utf8")).toContain('"DE"');
    expect(await check(p.options)).toMatchObject({ ok: true });
  }, 240_000);

  test("lists stale, missing and extra files, writes nothing, and is not fooled by the cache", async () => {
    p.write("alpha.ts", flag("alpha"));
    p.write("beta.ts", flag("beta"));
    await generate(p.options);
    expect(await check(p.options)).toMatchObject({ ok: true, stale: [], missing: [], extra: [] });

    writeFileSync(join(p.out, "alpha.json"), "{}\n"); // stale, though edited out of recognition
    writeFileSync(join(p.out, "alpha.ts"), "// DO NOT EDIT. Generated by hand\n"); // stale
    rmSync(join(p.out, "beta.ts")); // missing
    writeFileSync(join(p.out, "ghost.json"), readFileSync(join(p.out, "beta.json"))); // extra: a generated file no feature produces
    age(p.out);
    const before = snapshot(p.out);
    const result = await check(p.options);
    expect(result.ok).toBe(false);
    expect(result.stale).toEqual(["alpha.json", "alpha.ts"]);
    expect(result.missing).toEqual(["beta.ts"]);
    expect(result.extra).toEqual(["ghost.json"]);
    expect(snapshot(p.out)).toEqual(before);
  });

  test("a fresh clone (no cache) compares in full", async () => {
    p.write("alpha.ts", flag("alpha"));
    await generate({ ...p.options, cacheDir: undefined });
    expect(await check(p.options)).toMatchObject({ ok: true, features: 1 });
    p.write("alpha.ts", flag("alpha", 0.7));
    expect(await check(p.options)).toMatchObject({ ok: false, stale: ["alpha.json", "alpha.ts", "features.json"] });
  });
});
