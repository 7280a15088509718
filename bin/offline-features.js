#!/usr/bin/env node
"use strict";
/*
 * The `offline-features` command. The installed package runs its compiled CLI (dist/); a checkout
 * of the repository, which ships no dist/ and has the TypeScript sources, runs them through
 * ts-node (transpile-only: types are checked by tsc; options shared with the feature loader).
 */
const path = require("node:path");
const fs = require("node:fs");
const Module = require("node:module");

const sources = path.join(__dirname, "..", "codegen", "cli", "index.ts");
let cli;
if (fs.existsSync(sources)) {
  if (Module._extensions[".ts"] === undefined) require("ts-node").register(require("../codegen/ts-node-options.json"));
  cli = require(sources);
} else {
  cli = require("../dist/codegen/cli/index.js");
}
cli.main(process.argv.slice(2)).then((code) => {
  if (code !== "watching") process.exitCode = code;
});
