/**
 * Benchmark of `offline-features gen` on a project of 1,000 features (see README.md beside this file).
 *
 *   npx ts-node --transpile-only bench/gen/run.ts [count] [--installed]
 *
 * Creates a temporary project (one feature file per feature, in a mix of shapes: boolean flags,
 * string variants, numbers, context-reading rules, configuration objects with an interface), then
 * times, through the CLI as a user runs it: a cold `gen`, an unchanged re-run (manifest cache), an
 * unchanged re-run without the cache, and a cold `gen --check`. Removes the project afterwards.
 * With `--installed`, the features import `offline-features/dsl` from the packed package and its
 * compiled CLI runs (what a user's project does); without, this checkout's sources.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = resolve(__dirname, "..", "..");

/** Feature file number `i` of the generated project: five shapes in turn. */
export function featureSource(i: number, dsl: string): string {
  const key = `feature_${String(i).padStart(4, "0")}`;
  switch (i % 5) {
    case 0:
      return `import { feature, c, lt, regex, sessionRandom, hostname } from "${dsl}";

export const ${key} = feature("${key}")
  .description("Rollout ${i}")
  .bucket("on", c.all(lt(sessionRandom(), 0.${(i % 9) + 1}), regex(hostname(), "^web-")), true)
  .default(false);
`;
    case 1:
      return `import { feature, ctx, eq } from "${dsl}";

export const ${key} = feature("${key}")
  .bucket("fr", eq(ctx.string("country"), "FR"), "bonjour")
  .bucket("de", eq(ctx.string("country"), "DE"), "hallo")
  .default("hello");
`;
    case 2:
      return `import { feature, ctx, ge } from "${dsl}";

export const ${key} = feature("${key}")
  .bucket("adult", ge(ctx.number("age"), 18), 100)
  .bucket("vip", ctx.boolean("vip").eq(true), 500)
  .default(10);
`;
    case 3:
      return `import { feature, lt, sessionRandom } from "${dsl}";

export interface Limits${i} {
  readonly rate: number;
  readonly burst: number;
  readonly mode: "strict" | "lenient";
}

export const ${key} = feature("${key}")
  .valueType<Limits${i}>()
  .bucket("canary", lt(sessionRandom(), 0.05), { rate: 10, burst: 20, mode: "lenient" })
  .default({ rate: 5, burst: 5, mode: "strict" });
`;
    default:
      return `import { feature, c, gt, ne, ctx, sessionRandom } from "${dsl}";

export const ${key} = feature("${key}")
  .bucket("a", c.any(gt(sessionRandom(), 0.5), ne(ctx.string("plan"), "free")), "variant-a")
  .bucket("b", c.not(gt(sessionRandom(), 0.2)), "variant-b")
  .default("control");
`;
  }
}

if (require.main === module) main();

function time(label: string, cli: string, args: string[], cwd: string): number {
  const start = performance.now();
  const out = execFileSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s   ${out.trim().split("\n").pop()}`);
  return ms;
}

/** A project for {@link makeProject}: its folder, the CLI to run, and the arguments to give it. */
export interface GenProject {
  readonly project: string;
  /** The `offline-features` command: this checkout's bin, or the installed package's. */
  readonly cli: string;
  readonly args: string[];
}

/**
 * Where the features take the DSL from and which CLI runs:
 * - `checkout`: this repository's sources (`../…/dsl`, `bin/offline-features.js` running the
 *   TypeScript through ts-node), as a contributor runs it;
 * - `installed`: the package a user installs (`offline-features/dsl`, its compiled CLI), from
 *   {@link packInstalled}'s folder.
 */
export type GenSetup = { readonly kind: "checkout" } | { readonly kind: "installed"; readonly packageDir: string };

/**
 * `npm pack` of this repository (prepack builds dist/), unpacked into a temporary folder: the
 * files an install puts in node_modules/offline-features. Returns that folder; the caller removes
 * `dirname(folder)` afterwards.
 */
export function packInstalled(): string {
  const work = mkdtempSync(join(tmpdir(), "offline-features-pack-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const out = execFileSync(npm, ["pack", "--pack-destination", work, "--loglevel=error"], { cwd: ROOT, encoding: "utf8" });
  const tarball = join(work, out.trim().split("\n").pop()!);
  execFileSync("tar", ["-xzf", tarball, "-C", work]);
  rmSync(tarball);
  return join(work, "package");
}

/**
 * node_modules of an installed project: the package itself, and this repository's dependencies
 * beside it (linked, as a hoisted install lays them out: ts-morph, io-ts, @types/node, …).
 */
function installInto(project: string, packageDir: string): void {
  const modules = join(project, "node_modules");
  mkdirSync(modules);
  // Copied, not linked: Node resolves a linked package from its real folder, which has no node_modules.
  cpSync(packageDir, join(modules, "offline-features"), { recursive: true });
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry.startsWith(".") || entry === "offline-features") continue;
    symlinkSync(join(ROOT, "node_modules", entry), join(modules, entry), "dir");
  }
}

/** A temporary project of `count` feature files set up as `setup` says; returns its folder, CLI and arguments. */
export function makeProject(count: number, setup: GenSetup = { kind: "checkout" }): GenProject {
  const project = mkdtempSync(join(tmpdir(), "offline-features-bench-"));
  const features = join(project, "features");
  mkdirSync(features);
  if (setup.kind === "installed") installInto(project, setup.packageDir);
  else symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: ["node"] } }),
  );
  const dsl = setup.kind === "installed" ? "offline-features/dsl" : relative(features, join(ROOT, "dsl")).split("\\").join("/");
  for (let i = 0; i < count; i++) writeFileSync(join(features, `feature_${String(i).padStart(4, "0")}.ts`), featureSource(i, dsl));
  if (setup.kind === "installed") {
    // The installed CLI's defaults: the runtime from "offline-features/runtime".
    return { project, cli: join(project, "node_modules", "offline-features", "bin", "offline-features.js"), args: ["gen", "--features", "features", "--out", "generated"] };
  }
  const args = ["gen", "--features", "features", "--out", "generated", "--runtime-import", relative(join(project, "generated"), join(ROOT, "runtime"))];
  return { project, cli: join(ROOT, "bin", "offline-features.js"), args };
}

function main(): void {
  const installed = process.argv.includes("--installed");
  const count = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 1000);
  const packageDir = installed ? packInstalled() : undefined;
  const { project, cli, args } = makeProject(count, packageDir === undefined ? { kind: "checkout" } : { kind: "installed", packageDir });
  try {
    console.log(`${count} features in ${project}${installed ? " (the package as installed)" : ""}`);
    time("cold gen", cli, args, project);
    time("unchanged re-run (cache)", cli, args, project);
    time("unchanged re-run (--no-cache)", cli, [...args, "--no-cache"], project);
    rmSync(join(project, ".offline-features-cache"), { recursive: true, force: true });
    time("cold --check (no cache)", cli, [...args, "--check"], project);
  } finally {
    if (process.env.KEEP_BENCH_PROJECT === undefined) {
      rmSync(project, { recursive: true, force: true });
      if (packageDir !== undefined) rmSync(dirname(packageDir), { recursive: true, force: true });
    }
  }
}
