#!/usr/bin/env node
"use strict";
/*
 * Builds the published package into dist/ (npm runs it as `prepack`, so `npm pack` and
 * `npm publish` always ship a fresh build; dist/ is git-ignored):
 *   1. tsc -p tsconfig.build.json: dsl/, runtime/, codegen/ as CommonJS with .d.ts and source maps;
 *   2. the files tsc does not emit: the feature-loading thread (plain JS) and ts-node's options;
 *   3. an ESM wrapper per entry point (dist/esm/<entry>.mjs) re-exporting the CommonJS module by
 *      name, so `import { FeatureStore } from "offline-features/runtime"` works in an .mjs app and
 *      both module systems share one copy of the runtime (no dual-package state).
 */
const { execFileSync } = require("node:child_process");
const { copyFileSync, mkdirSync, rmSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
/** The entry points package.json exports: `offline-features/<name>` is dist/<folder>/index.js. */
const ENTRIES = { dsl: "dsl", runtime: "runtime", openfeature: "runtime/openfeature" };
const COPIED = ["codegen/pipeline/load/worker-thread.js", "codegen/ts-node-options.json"];

rmSync(DIST, { recursive: true, force: true });
// Output on stderr: `npm pack --json` prints its report on stdout.
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: ["ignore", 2, 2], cwd: ROOT });
for (const file of COPIED) copyFileSync(join(ROOT, file), join(DIST, file));

mkdirSync(join(DIST, "esm"), { recursive: true });
for (const [name, folder] of Object.entries(ENTRIES)) {
  const cjs = require(join(DIST, folder, "index.js"));
  const names = Object.keys(cjs).filter((n) => n !== "__esModule" && n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n));
  const lines = [
    `// ESM entry for offline-features/${name}: the CommonJS build, re-exported by name (one copy of its state).`,
    `import cjs from "../${folder}/index.js";`,
    ...(names.length === 0 ? [] : [`export const { ${names.join(", ")} } = cjs;`]),
    "export default cjs;",
    "",
  ];
  writeFileSync(join(DIST, "esm", `${name}.mjs`), lines.join("\n"));
}
console.error(`built dist/ (${Object.keys(ENTRIES).map((n) => `offline-features/${n}`).join(", ")})`);
