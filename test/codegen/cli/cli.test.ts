import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMANDS, main, type Io } from "../../../codegen/cli";
import { flag, ROOT, tempProject, type TempProject } from "../temp-project";

jest.setTimeout(180_000);

/*
 * The command line through main() in process (the real commander program, the real generator on a
 * temporary project), and the bin itself once, for what only a real process shows: the exit code
 * and which stream a line goes to.
 */

let p: TempProject;
beforeAll(() => {
  p = tempProject();
});
afterAll(() => p.dispose());

interface Run {
  code: number | "watching";
  out: string;
  err: string;
}

/** The CLI in process, in the temporary project, with its output captured. */
async function run(args: string[], io: Partial<Io> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = process.cwd();
  process.chdir(p.dir);
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), stdout: { isTTY: false } as NodeJS.WriteStream, ...io });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.chdir(cwd);
  }
}

describe("the bin, as a process", () => {
  it("prints the version on stdout and exits 0; an unknown command goes to stderr with exit 2", () => {
    const bin = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "offline-features.js"), ...args], { cwd: p.dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const version = bin("--version");
    expect(version).toMatchObject({ status: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`, stderr: "" });
    const unknown = bin("frobnicate");
    expect(unknown).toMatchObject({ status: 2, stdout: "", stderr: "error: unknown command 'frobnicate'\n(add --help for usage)\n" });
  });

  it("import decodes a PyOF file in a process that loads nothing but the import command, exits 0 and writes the feature file", () => {
    // In process (jest, or main() above) some earlier module has always bound the codecs' late
    // references (runtime/vocabulary/refs.ts); only a fresh process shows the import command's own
    // module graph, which once left the attribute codecs unbound and failed every PyOF file.
    const out = mkdtempSync(join(tmpdir(), "offline-features-import-"));
    try {
      const features = join(out, "features");
      const r = spawnSync(process.execPath, [join(ROOT, "bin", "offline-features.js"), "import", join(ROOT, "test", "fixtures", "pyof", "test.json"), "--key", "x", "--features", features], {
        cwd: p.dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r).toMatchObject({ status: 0, stderr: "" });
      expect(r.stdout).toMatch(/^wrote .*x\.ts\n$/);
      expect(readFileSync(join(features, "x.ts"), "utf8")).toContain('export const x = feature("x")\n  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), true)');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("--help, gen --help and --version load no TypeScript toolchain (the generator is loaded lazily)", () => {
    // A preloaded hook fails the process if typescript, ts-morph or ts-node is required. In a
    // checkout the bin runs the CLI's TypeScript sources from the transpile cache (codegen/ts-loader.js),
    // which a first run fills: a miss loads ts-node, as it must.
    const hook = join(__dirname, "no-compiler.js");
    const bin = (...args: string[]) =>
      spawnSync(process.execPath, [...(args[0] === "warm" ? [] : ["--require", hook]), join(ROOT, "bin", "offline-features.js"), ...args.filter((a) => a !== "warm")], {
        cwd: p.dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    expect(bin("warm", "--version").status).toBe(0);
    expect(bin("--version")).toMatchObject({ status: 0, stderr: "" });
    const help = bin("--help");
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Usage: offline-features /);
    const genHelp = bin("gen", "--help");
    expect(genHelp).toMatchObject({ status: 0, stderr: "" });
    expect(genHelp.stdout).toMatch(/^Usage: offline-features gen /);
    // The hook itself works: a command that type-checks does load the toolchain, and is stopped.
    expect(bin("lint").status).not.toBe(0);
  });
});

describe("the regex engine of the commands", () => {
  it("is re2js, loaded on the first pattern that needs it, not by loading the command line", () => {
    const script = [
      `require(${JSON.stringify(join(ROOT, "codegen", "ts-loader.js"))}).registerTypeScript();`,
      `require(${JSON.stringify(join(ROOT, "codegen", "cli", "index.ts"))});`,
      `const engine = require(${JSON.stringify(join(ROOT, "runtime", "regex", "engine.ts"))}).installedRegexEngine();`,
      `const loaded = () => Object.keys(require.cache).some((file) => file.includes("/node_modules/re2js/"));`,
      `const before = loaded();`,
      `const match = [engine.compile("^len[0-9]+$")("len42"), engine.compile("^len[0-9]+$")("lenx")];`,
      `console.log(JSON.stringify({ name: engine.name, before, match, after: loaded() }));`,
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ name: "re2", before: false, match: [true, false], after: true });
  });
});

describe("help and version", () => {
  it("-h and --help list every command with its description, exit 0, on stdout", async () => {
    for (const flagName of ["-h", "--help"]) {
      const r = await run([flagName]);
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      for (const command of COMMANDS) expect(r.out).toContain(command.description.slice(0, 30));
      expect(r.out).toContain("-V, --version");
    }
  });

  it.each(COMMANDS.map((c) => c.name))("%s -h and --help describe every flag", async (name) => {
    const short = await run([name, "-h"]);
    const long = await run([name, "--help"]);
    expect(short).toEqual(long);
    expect(short.code).toBe(0);
    expect(short.out).toMatch(new RegExp(`^Usage: offline-features ${name} `));
    const command = COMMANDS.find((c) => c.name === name)!;
    const { Command } = await import("commander");
    const probe = new Command(name);
    command.configure(probe);
    for (const option of probe.options) {
      expect(short.out).toContain(option.flags);
      expect(option.description.length).toBeGreaterThan(10);
    }
  });

  it("help <command> is <command> --help; no command at all is a usage error on stderr", async () => {
    expect((await run(["help", "gen"])).out).toBe((await run(["gen", "--help"])).out);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe("");
    expect(none.err).toMatch(/^Usage: offline-features/);
  });

  it("import -h shows help instead of reading a file named -h", async () => {
    const r = await run(["import", "-h"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("PyOF JSON files");
  });
});

describe("usage errors exit 2 on stderr", () => {
  it.each([
    [["gen", "--outt", "x"], "error: unknown option '--outt'\n(Did you mean --out?)\n(add --help for usage)"],
    [["gen", "--out"], "error: option '--out <dir>' argument missing\n(add --help for usage)"],
    [["gen", "--out", "--check"], `error: option '--out <dir>' argument '--check' is invalid. expected a folder, found "--check" (write ./--check for a folder of that name)\n(add --help for usage)`],
    [["gen", "--check", "--watch"], "error: option '--check' cannot be used with option '--watch'\n(add --help for usage)"],
    [["gen", "extra"], "error: too many arguments for 'gen'. Expected 0 arguments but got 1.\n(add --help for usage)"],
    [["import"], "error: missing required argument 'files'\n(add --help for usage)"],
    [["explain"], "error: missing required argument 'feature'\n(add --help for usage)"],
    [["frobnicate"], "error: unknown command 'frobnicate'\n(add --help for usage)"],
  ])("%j", async (args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, out: "", err: stderr });
  });
});

describe("gen", () => {
  it("gen, then gen --check after an edit: summary line, exit codes, stale files listed; --json says the same", async () => {
    p.write("alpha.ts", flag("alpha"));
    const first = await run(["gen"]);
    expect(first.err).toBe("");
    expect(first.out).toMatch(/^1 feature, 6 written, 0 unchanged, in \d+ ms$/);
    expect(first.code).toBe(0);
    const json = JSON.parse((await run(["gen", "--json"])).out);
    expect(json).toMatchObject({ ok: true, features: 1, written: [], unchanged: 6 });

    p.write("alpha.ts", flag("alpha", 0.25));
    const checked = await run(["gen", "--check"]);
    expect(checked.code).toBe(1);
    expect(checked.err).toBe(
      "generated files are out of date; run `npm run gen`:\n  stale:   generated/alpha.json\n  stale:   generated/alpha.ts\n  stale:   generated/features.json",
    );
    const checkedJson = await run(["gen", "--check", "--json"]);
    expect(checkedJson.code).toBe(1);
    expect(JSON.parse(checkedJson.out)).toMatchObject({ ok: false, features: 1, stale: ["alpha.json", "alpha.ts", "features.json"], missing: [], extra: [] });
    expect(readFileSync(join(p.out, "alpha.json"), "utf8")).toContain('"value": 0.5');
    p.write("alpha.ts", flag("alpha"));
  });

  it("a failing feature file: file:line on stderr, exit 1, the out folder untouched; --json lists the problem", async () => {
    p.write("bad.ts", `import { feature } from "DSL";\n\nthrow new Error("boom");\nexport const bad = feature("bad").default(1);\n`);
    try {
      // `--` ends the flags; nothing follows here, so gen still takes no argument.
      const r = await run(["gen", "--features", "features", "--out", "out", "--"]);
      expect(r).toEqual({ code: 1, out: "", err: "offline-features: generation failed; nothing was written:\nfeatures/bad.ts:3: Error: boom" });
      expect(existsSync(join(p.dir, "out"))).toBe(false);
      const json = await run(["gen", "--out=out", "--json"]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out)).toEqual({ ok: false, problems: [{ where: "features/bad.ts:3", message: "Error: boom" }] });
    } finally {
      p.remove("bad.ts");
    }
  });
});

describe("lint and explain --json", () => {
  it("lint --json reports features, errors and warnings", async () => {
    const r = await run(["lint", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ok: true, features: 1, errors: [], warnings: [] });
  });

  it("explain --json gives the buckets in readable form and the exact shares", async () => {
    const r = await run(["explain", "alpha", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ feature: "alpha", where: "features/alpha.ts:3", buckets: [{ name: "on", rule: "sessionRandom < 0.5", value: true }], default: false });
    expect(json.shares.scenarios).toEqual([{ conditions: [], shares: { on: 0.5, default: 0.5 } }]);
    const missing = await run(["explain", "nope", "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).problems[0].message).toBe('no feature "nope"; the features are "alpha"');
  });
});

describe("colour", () => {
  it("colours only when the Io allows it (a TTY without NO_COLOR)", async () => {
    const plain = await run(["frobnicate"]);
    expect(plain.err).not.toContain("\x1b[");
    const coloured = await run(["frobnicate"], { colour: true });
    expect(coloured.err).toContain("\x1b[31merror: unknown command 'frobnicate'");
  });

  it("colourAllowed: a TTY, no NO_COLOR, not a dumb terminal", async () => {
    const { colourAllowed } = await import("../../../codegen/cli");
    expect(colourAllowed({ isTTY: true }, {})).toBe(true);
    expect(colourAllowed({ isTTY: false }, {})).toBe(false);
    expect(colourAllowed({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colourAllowed({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(colourAllowed({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });
});

describe("the toolchain", () => {
  it("a command that needs a missing package says which and how to install it, exit 1", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const resolve = (id: string) => {
      if (id === "ts-node" || id === "ts-morph") throw new Error(`Cannot find module '${id}'`);
      return require.resolve(id);
    };
    const code = await main(["lint"], { out: (l) => out.push(l), err: (l) => err.push(l), stdout: { isTTY: false } as NodeJS.WriteStream }, { resolve });
    expect({ code, out, err }).toEqual({
      code: 1,
      out: [],
      err: ["offline-features lint needs typescript, ts-morph and ts-node as dev dependencies (ts-morph, ts-node are not installed): npm i -D typescript@5 ts-morph ts-node"],
    });
  });

  it("TypeScript 7 (no JavaScript API) is refused with the same advice", async () => {
    const { toolchainProblem } = await import("../../../codegen/cli");
    const seven = join(p.dir, "ts7-package.json");
    require("node:fs").writeFileSync(seven, JSON.stringify({ name: "typescript", version: "7.0.2" }));
    const resolve = (id: string) => (id === "typescript/package.json" ? seven : require.resolve(id));
    expect(toolchainProblem("gen", ["typescript", "ts-morph", "ts-node"], resolve)).toBe(
      "offline-features gen needs TypeScript 5 or 6 (found 7: TypeScript 7 has no JavaScript API for ts-node and ts-morph): npm i -D typescript@5 ts-morph ts-node",
    );
    expect(toolchainProblem("gen", ["typescript", "ts-morph", "ts-node"])).toBeUndefined();
    expect(toolchainProblem("schema", [])).toBeUndefined();
  });
});

test("import through the CLI writes the feature file and names it", async () => {
  copyFileSync(join(ROOT, "test", "fixtures", "pyof", "test.json"), join(p.dir, "seed.json"));
  const r = await run(["import", "seed.json", "--key", "seed", "--features", "imported"]);
  expect(r).toEqual({ code: 0, out: "wrote imported/seed.ts", err: "" });
  const again = await run(["import", "seed.json", "--key", "seed", "--features", "imported", "--json"]);
  expect(again.code).toBe(1);
  expect(JSON.parse(again.out).ok).toBe(false);
  expect(readdirSync(join(p.dir, "imported"))).toEqual(["seed.ts"]);
});

test("schema prints the JSON Schema without the toolchain", async () => {
  const r = await run(["schema"], {});
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).$id).toBe("urn:offline-features:feature");
});
