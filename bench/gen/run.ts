/**
 * Benchmark of `offline-features gen` on a project of 1,000 features (see README.md beside this file).
 *
 *   npx ts-node --transpile-only bench/gen/run.ts [count]
 *
 * Creates a temporary project (one feature file per feature, in a mix of shapes: boolean flags,
 * string variants, numbers, context-reading rules, configuration objects with an interface), then
 * times, through the CLI as a user runs it: a cold `gen`, an unchanged re-run (manifest cache), an
 * unchanged re-run without the cache, and a cold `gen --check`. Removes the project afterwards.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
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

function time(label: string, args: string[], cwd: string): number {
  const start = performance.now();
  const out = execFileSync(process.execPath, [join(ROOT, "bin", "offline-features.js"), ...args], { cwd, encoding: "utf8" });
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s   ${out.trim().split("\n").pop()}`);
  return ms;
}

/** A temporary project of `count` feature files, linked to this repository's node_modules; returns its folder. */
export function makeProject(count: number): { project: string; args: string[] } {
  const project = mkdtempSync(join(tmpdir(), "offline-features-bench-"));
  const features = join(project, "features");
  mkdirSync(features);
  symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: ["node"] } }),
  );
  const dsl = relative(features, join(ROOT, "dsl")).split("\\").join("/");
  for (let i = 0; i < count; i++) writeFileSync(join(features, `feature_${String(i).padStart(4, "0")}.ts`), featureSource(i, dsl));
  const args = ["gen", "--features", "features", "--out", "generated", "--runtime-import", relative(join(project, "generated"), join(ROOT, "runtime"))];
  return { project, args };
}

function main(): void {
  const count = Number(process.argv[2] ?? 1000);
  const { project, args } = makeProject(count);
  try {
    console.log(`${count} features in ${project}`);
    time("cold gen", args, project);
    time("unchanged re-run (cache)", args, project);
    time("unchanged re-run (--no-cache)", [...args, "--no-cache"], project);
    rmSync(join(project, ".offline-features-cache"), { recursive: true, force: true });
    time("cold --check (no cache)", [...args, "--check"], project);
  } finally {
    if (process.env.KEEP_BENCH_PROJECT === undefined) rmSync(project, { recursive: true, force: true });
  }
}
