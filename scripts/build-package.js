#!/usr/bin/env node
"use strict";
/*
 * Builds the published package into dist/ (npm runs it as `prepack`, so `npm pack` and
 * `npm publish` always ship a fresh build; dist/ is git-ignored):
 *   1. tsc -p tsconfig.build.json: dsl/, runtime/, codegen/ as CommonJS with .d.ts and source maps;
 *   2. the files tsc does not emit: worker threads written in plain JS, ts-node's options;
 *   3. an ESM wrapper per entry point (dist/esm/<entry>.mjs) re-exporting the CommonJS module by
 *      name, so `import { FeatureStore } from "offline-features/runtime"` works in an .mjs app and
 *      both module systems share one copy of the runtime (no dual-package state);
 *   4. tsc -p tsconfig.module.json: runtime/ as ES modules in dist/module/, for bundlers only (the
 *      `module` export condition, which bundlers honour for `import` and `require` alike, so a bundle
 *      still holds one runtime; Node never reads it). Its io-ts and fp-ts imports are pointed at
 *      those packages' own ES module builds (`io-ts/es6/index.js`, `fp-ts/es6/Either.js`), which
 *      a bundler resolving packages by their `main` field would otherwise not pick: the CommonJS
 *      builds of fp-ts and io-ts do not shake.
 */
const { execFileSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { esModulePaths } = require("./es-module-paths");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
/**
 * The entry points package.json exports: `offline-features/<subpath>` is the compiled module here,
 * and its ESM wrapper dist/esm/<subpath with - for />.mjs. `runtime/lean` is the runtime without
 * re2js, `runtime/re2` installs it (what generated stores import: codegen/output/emit/runtime-entries.ts).
 */
const ENTRIES = {
  dsl: "dsl/index.js",
  runtime: "runtime/index.js",
  "runtime/lean": "runtime/lean.js",
  "runtime/re2": "runtime/re2.js",
  openfeature: "runtime/openfeature/index.js",
};
/** The compiled folders; their plain .js and .json files (worker threads, ts-node's options) are copied as they are. */
const SOURCES = ["dsl", "runtime", "codegen"];

/** Every .js and .json file under `dir` (relative to ROOT): what tsc does not emit. */
function plainFiles(dir) {
  const found = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...plainFiles(path));
    else if (/\.(js|json)$/.test(entry.name)) found.push(path);
  }
  return found;
}

rmSync(DIST, { recursive: true, force: true });
// Output on stderr: `npm pack --json` prints its report on stdout.
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: ["ignore", 2, 2], cwd: ROOT });
for (const file of SOURCES.flatMap(plainFiles)) {
  if (existsSync(join(DIST, file))) throw new Error(`${file} would overwrite tsc's output of a .ts file of the same name`);
  copyFileSync(join(ROOT, file), join(DIST, file));
}

mkdirSync(join(DIST, "esm"), { recursive: true });
for (const [subpath, file] of Object.entries(ENTRIES)) {
  const cjs = require(join(DIST, file));
  const names = Object.keys(cjs).filter((n) => n !== "__esModule" && n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n));
  const lines = [
    `// ESM entry for offline-features/${subpath}: the CommonJS build, re-exported by name (one copy of its state).`,
    `import cjs from "../${file}";`,
    ...(names.length === 0 ? [] : [`export const { ${names.join(", ")} } = cjs;`]),
    "export default cjs;",
    "",
  ];
  writeFileSync(join(DIST, "esm", `${subpath.replace(/\//g, "-")}.mjs`), lines.join("\n"));
}
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.module.json")], { stdio: ["ignore", 2, 2], cwd: ROOT });
(function rewrite(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewrite(path);
    else if (entry.name.endsWith(".js")) writeFileSync(path, esModulePaths(readFileSync(path, "utf8")));
  }
})(join(DIST, "module"));
for (const file of Object.values(ENTRIES)) {
  if (file.startsWith("runtime/") && !existsSync(join(DIST, "module", file))) throw new Error(`dist/module/${file} is missing: package.json's module condition points at it`);
}
console.error(`built dist/ (${Object.keys(ENTRIES).map((n) => `offline-features/${n}`).join(", ")})`);
