import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./temp-project";

/*
 * codegen/ts-loader.js as the gen worker uses it: in a Node process of its own (jest handles
 * `.ts` itself), with a cache folder of the test's. transpileAhead transpiles the files in one
 * program and writes their cache entries; a second process then serves them from the cache.
 */
const LOADER = join(ROOT, "codegen", "ts-loader.js");

/** Runs a script that registers the loader on `cache`, transpiles `files` ahead, requires them and prints what it saw. */
function run(cache: string, files: readonly string[]): { values: unknown[]; entriesBefore: number; entriesAfter: number } {
  const script = `
    const fs = require("node:fs");
    const path = require("node:path");
    const { registerTypeScript, transpileAhead } = require(${JSON.stringify(LOADER)});
    const cache = ${JSON.stringify(cache)};
    const entries = () => (fs.existsSync(cache) ? fs.readdirSync(cache).flatMap((d) => fs.readdirSync(path.join(cache, d))).filter((f) => f.endsWith(".js")).length : 0);
    registerTypeScript({ cacheDir: cache });
    const files = ${JSON.stringify(files)};
    const entriesBefore = entries();
    transpileAhead(files);
    const values = files.map((f) => require(f).value);
    console.log(JSON.stringify({ values, entriesBefore, entriesAfter: entries() }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as ReturnType<typeof run>;
}

describe("the transpile cache behind transpileAhead", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ts-loader-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes an entry per file transpiled ahead, and a later process runs the files from them", () => {
    const files = ["a", "b", "c"].map((name, i) => {
      const file = join(dir, `${name}.ts`);
      writeFileSync(file, `export const value: number = ${i} as number;\n`);
      return file;
    });
    const cache = join(dir, "cache");
    expect(run(cache, files)).toEqual({ values: [0, 1, 2], entriesBefore: 0, entriesAfter: 3 });
    const entries = readdirSync(cache).flatMap((d) => readdirSync(join(cache, d)).map((f) => join(cache, d, f)));
    expect(entries.filter((f) => !f.endsWith(".js"))).toEqual([]);
    // Marked, so the values show that the second process ran the cached outputs, not the sources.
    for (const entry of entries) writeFileSync(entry, readFileSync(entry, "utf8").replace(/exports\.value = (\d)/, "exports.value = 4$1"));
    expect(run(cache, files)).toEqual({ values: [40, 41, 42], entriesBefore: 3, entriesAfter: 3 });
  });
});
