import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { main, type Io } from "../../../codegen/cli/cli";
import { flag, ROOT, tempProject, type TempProject } from "../temp-project";

jest.setTimeout(60_000);

let p: TempProject;
beforeEach(() => {
  p = tempProject();
});
afterEach(() => p.dispose());

/** Runs the installed command as a user does: `offline-features ...` in the project folder. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "offline-features.js"), ...args], { cwd: p.dir, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in process, with its output captured. */
async function run(...args: string[]): Promise<{ code: number | "watching"; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), stdout: { isTTY: false } as NodeJS.WriteStream };
  const code = await main(args, io);
  return { code, out, err };
}

test("gen, then gen --check after an edit: summary line, exit codes, stale files listed", async () => {
  p.write("alpha.ts", flag("alpha"));
  const first = cli("gen");
  expect(first.stderr).toBe("");
  expect(first.stdout).toMatch(/^1 feature, 6 written, 0 unchanged, in \d+ ms\n$/);
  expect(first.status).toBe(0);

  p.write("alpha.ts", flag("alpha", 0.25));
  const checked = cli("gen", "--check");
  expect(checked.status).toBe(1);
  expect(checked.stderr).toBe(
    "generated files are out of date; run `npm run gen`:\n  stale:   generated/alpha.json\n  stale:   generated/alpha.ts\n  stale:   generated/features.json\n",
  );
  expect(readFileSync(join(p.out, "alpha.json"), "utf8")).toContain('"value": 0.5');
});

test("a failing feature file: file:line on stderr, exit 1, the out folder untouched", async () => {
  p.write("alpha.ts", flag("alpha"));
  p.write("bad.ts", `import { feature } from "DSL";\n\nthrow new Error("boom");\nexport const bad = feature("bad").default(1);\n`);
  const r = cli("gen", "--features", "features", "--out", "out");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("offline-features: generation failed; nothing was written:\nfeatures/bad.ts:3: Error: boom\n");
  expect(existsSync(join(p.dir, "out"))).toBe(false);
});

test("usage errors exit 2 with the usage", async () => {
  const unknown = await run("gen", "--outt", "x");
  expect(unknown.code).toBe(2);
  expect(unknown.err[0]).toMatch(/^offline-features: unknown option --outt; expected one of --features, --out, --runtime-import, --check, --watch, --no-cache\nusage:/);
  expect((await run("gen", "--out")).err[0]).toMatch(/^offline-features: --out needs a value/);
  expect((await run("frobnicate")).code).toBe(2);
  expect((await run()).code).toBe(2);
  expect((await run("import")).err[0]).toMatch(/import needs at least one PyOF JSON file/);
  expect((await run("gen", "--check", "--watch")).code).toBe(2);
});

test("import through the CLI writes the feature file and names it", async () => {
  copyFileSync(join(ROOT, "test", "fixtures", "pyof", "test.json"), join(p.dir, "seed.json"));
  const cwd = process.cwd();
  process.chdir(p.dir);
  try {
    const r = await run("import", "seed.json", "--key", "seed");
    expect(r).toEqual({ code: 0, out: ["wrote features/seed.ts"], err: [] });
    expect((await run("import", "seed.json", "--key", "seed")).code).toBe(1);
  } finally {
    process.chdir(cwd);
  }
  expect(readdirSync(p.features)).toEqual(["seed.ts"]);
});
