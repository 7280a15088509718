import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/*
 * The package as another project uses it, following the README's "Use it in your project" step by
 * step: `npm pack` this repository (prepack builds dist/), install the tarball into a new app
 * outside the repository, write a feature with an interface-typed value, `npx offline-features
 * gen`, compile with plain `tsc`, run with plain `node`. Then a production install of the same app
 * (`npm ci --omit=dev`) must hold no TypeScript toolchain and still run the compiled app, and an
 * ESM (.mjs) app imports the runtime. Real npm, real registry (for the app's own dependencies),
 * real tsc. Run by `npm run test:package` (too slow for `npm test`'s budget: it installs twice).
 */

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

let work: string;
let tarball: string;
let packed: string[];
let app: string;

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

function ok(command: string, args: string[], cwd: string): string {
  const r = sh(command, args, cwd);
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Writes files under `dir`, making folders. */
function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Bytes under `dir` and the packages in its node_modules (scoped ones counted one by one). */
function installed(dir: string): { names: string[]; bytes: number } {
  const modules = join(dir, "node_modules");
  const names: string[] = [];
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) for (const scoped of readdirSync(join(modules, entry))) names.push(`${entry}/${scoped}`);
    else names.push(entry);
  }
  let bytes = 0;
  const visit = (path: string): void => {
    const s = statSync(path);
    if (s.isDirectory()) for (const e of readdirSync(path)) visit(join(path, e));
    else bytes += s.size;
  };
  visit(modules);
  return { names: names.sort(), bytes };
}

/** The README's feature: an ordinary `interface` for the value. */
const BANNER_FEATURE = `import { feature, ctx } from "offline-features/dsl";

export interface Banner {
  title: string;
  color: "red" | "blue";
}

export const banner = feature("banner")
  .bucket("french", ctx.string("country").eq("FR"), { title: "Bonjour", color: "blue" } as Banner)
  .default({ title: "Hello", color: "red" } as Banner);
`;

const MAIN = `import { getBanner, getBannerDetails } from "../generated";

const banner = getBanner({ country: "FR" });
const title: string = banner.title;
const color: "red" | "blue" = banner.color;
// @ts-expect-error the value is a Banner, not any: it has no such property
banner.subtitle;
console.log(JSON.stringify({ title, color, bucket: getBannerDetails({ country: "DE" }).bucket }));
`;

const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "commonjs", strict: true, esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, outDir: "dist", rootDir: "." },
  include: ["src", "generated", "features"],
};

const ESM_APP = `import { readFileSync } from "node:fs";
import { FeatureStore } from "offline-features/runtime";
import runtime from "offline-features/runtime";

const store = FeatureStore.empty();
const replaced = store.replace(readFileSync(new URL("./generated/features.json", import.meta.url), "utf8"));
const handle = store.handle("banner", { title: "?", color: "red" }, ["french"]);
console.log(JSON.stringify({ loaded: replaced._tag, value: handle.evaluate({ country: "FR" }).value, sameClass: runtime.FeatureStore === FeatureStore }));
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "offline-features-consumer-"));
  // npm pack runs prepack (the build) and prints the tarball's contents as JSON.
  const report = JSON.parse(ok(NPM, ["pack", "--json", "--pack-destination", work, ...QUIET], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, report[0]!.filename);
  packed = report[0]!.files.map((f) => f.path);

  // README step 1: a new app, the package as a dependency, the toolchain as dev dependencies.
  app = join(work, "app");
  write(app, {
    "package.json": JSON.stringify({ name: "consumer-app", version: "1.0.0", private: true, scripts: { gen: "offline-features gen" } }, null, 2),
    "tsconfig.json": JSON.stringify(TSCONFIG, null, 2),
  });
  ok(NPM, ["install", tarball, ...QUIET], app);
  ok(NPM, ["install", "-D", "typescript@~5.9.3", "ts-morph@^28.0.0", "ts-node@^10.9.2", "@types/node@^20", ...QUIET], app);
  // README step 2: a feature, and code that reads it.
  write(app, { "features/banner.ts": BANNER_FEATURE, "src/main.ts": MAIN, "esm.mjs": ESM_APP });
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

test("the tarball ships the build, the bin and the README only", () => {
  expect(packed).toEqual(expect.arrayContaining(["package.json", "README.md", "bin/offline-features.js", "dist/runtime/index.js", "dist/runtime/index.d.ts", "dist/runtime/index.js.map", "dist/dsl/index.js", "dist/esm/runtime.mjs", "dist/esm/runtime-lean.mjs", "dist/esm/runtime-re2.mjs", "dist/esm/dsl.mjs", "dist/esm/openfeature.mjs", "dist/codegen/cli/index.js", "dist/codegen/pipeline/load/worker-thread.js", "dist/codegen/ts-node-options.json"]));
  const shipped = new Set(packed.map((p) => p.split("/")[0]));
  expect([...shipped].sort()).toEqual(["README.md", "bin", "dist", "package.json"]);
  expect(packed.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
});

test("the ES module build for bundlers (the module condition) is complete: every import it makes resolves, io-ts and fp-ts to their ES module builds", () => {
  const root = join(app, "node_modules", "offline-features");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, { module?: string }> };
  const entries = ["./runtime", "./runtime/lean", "./runtime/re2", "./openfeature"].map((e) => manifest.exports[e]?.module);
  expect(entries).toEqual(["./dist/module/runtime/index.js", "./dist/module/runtime/lean.js", "./dist/module/runtime/re2.js", "./dist/module/runtime/openfeature/index.js"]);
  const files: string[] = [];
  const walk = (dir: string) => readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".js") && files.push(join(dir, e.name))));
  walk(join(root, "dist", "module"));
  const packages = new Set<string>();
  const unresolved: string[] = [];
  for (const file of files) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*"([^"]+)"/g)) {
      if (specifier!.startsWith(".")) {
        const base = resolve(file, "..", specifier!);
        if (![".js", "/index.js"].some((suffix) => existsSync(base + suffix))) unresolved.push(`${file}: ${specifier}`);
      } else if (!specifier!.startsWith("node:")) packages.add(specifier!);
    }
  }
  expect(unresolved).toEqual([]);
  expect([...packages].sort()).toEqual(["@openfeature/server-sdk", "fp-ts/es6/Either.js", "fp-ts/es6/function.js", "io-ts/es6/index.js", "re2js"]);
  // The app's install holds them (the optional OpenFeature peer aside): a bundler finds each file.
  expect(["fp-ts/es6/Either.js", "fp-ts/es6/function.js", "io-ts/es6/index.js", "re2js/package.json"].filter((f) => !existsSync(join(app, "node_modules", f)))).toEqual([]);
});

test("npx offline-features gen, tsc, node: the app gets its typed value", () => {
  // README step 3: generate. Generated code imports the runtime by the package's name (its lean entry: the banner's rules hold no pattern).
  const gen = sh(NPX, ["offline-features", "gen"], app);
  expect(gen.stderr).toBe("");
  expect(gen.stdout).toMatch(/^1 feature, 6 written, 0 unchanged, in \d+ ms\n$/);
  expect(gen.status).toBe(0);
  const accessor = readFileSync(join(app, "generated", "banner.ts"), "utf8");
  expect(accessor).toContain('from "offline-features/runtime/lean"');
  expect(readFileSync(join(app, "generated", "feature-store.ts"), "utf8")).not.toContain("offline-features/runtime/re2");
  expect(accessor).toContain("export type BannerValue = Banner;");
  // README step 4: compile with the app's own tsc (the @ts-expect-error proves the value is typed), run with node.
  ok(NPX, ["tsc", "-p", "."], app);
  expect(JSON.parse(ok(process.execPath, [join("dist", "src", "main.js")], app))).toEqual({ title: "Bonjour", color: "blue", bucket: "default" });
  // The check mode reports up to date, and the CLI answers --version and help as a user types them.
  expect(sh(NPX, ["offline-features", "gen", "--check"], app).status).toBe(0);
  expect(ok(NPX, ["offline-features", "--version"], app).trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  expect(ok(NPX, ["offline-features", "gen", "--help"], app)).toContain("--runtime-import <specifier>");
});

test("CommonJS and ESM consumers import the same runtime", () => {
  expect(JSON.parse(ok(process.execPath, ["esm.mjs"], app))).toEqual({ loaded: "Right", value: { title: "Bonjour", color: "blue" }, sameClass: true });
  const cjs = ok(process.execPath, ["-e", 'const r = require("offline-features/runtime"); const d = require("offline-features/dsl"); console.log(typeof r.FeatureStore, typeof d.feature, require("offline-features").FeatureStore === r.FeatureStore)'], app);
  expect(cjs.trim()).toBe("function function true");
  // The lean entry loads no re2js; the re2 entry installs it into the same (one) runtime.
  const engine = (entry: string) => `require("offline-features/runtime/lean"); ${entry} console.log(Object.keys(require.cache).some((f) => f.includes("re2js")), require("offline-features/runtime").FeatureStore === require("offline-features/runtime/lean").FeatureStore)`;
  expect(ok(process.execPath, ["-e", engine("")], app).trim()).toBe("false true");
  expect(ok(process.execPath, ["-e", engine('require("offline-features/runtime/re2");')], app).trim()).toBe("true true");
});

test("a production install has no TypeScript toolchain, runs the compiled app, and gen says what to install", () => {
  const prod = join(work, "prod");
  mkdirSync(prod);
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(app, file), join(prod, file));
  ok(NPM, ["ci", "--omit=dev", ...QUIET], prod);
  const { names, bytes } = installed(prod);
  for (const toolchain of ["typescript", "ts-morph", "@ts-morph/common", "ts-node"]) expect(names).not.toContain(toolchain);
  // What is there: the package and its own dependencies (none of which has dependencies today).
  const dependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies as Record<string, string>);
  expect(names).toEqual(["offline-features", ...dependencies].sort());
  // The figure the README quotes; printed for the record (not asserted: it changes with versions).
  console.log(`production install: ${names.length} packages, ${(bytes / 1e6).toFixed(1)} MB`);

  cpSync(join(app, "dist"), join(prod, "dist"), { recursive: true });
  expect(JSON.parse(ok(process.execPath, [join("dist", "src", "main.js")], prod))).toMatchObject({ title: "Bonjour" });

  const gen = sh(process.execPath, [join("node_modules", "offline-features", "bin", "offline-features.js"), "gen"], prod);
  expect(gen.status).toBe(1);
  expect(gen.stderr).toBe(
    "offline-features gen needs typescript, ts-morph and ts-node as dev dependencies (typescript, ts-morph, ts-node are not installed): npm i -D typescript@5 ts-morph ts-node\n",
  );
  expect(existsSync(join(prod, "generated"))).toBe(false);
});

