#!/usr/bin/env node
"use strict";
/*
 * The `offline-features` command. The installed package runs its compiled CLI (dist/); a checkout
 * of the repository, which ships no dist/ and has the TypeScript sources, runs them through
 * ts-node (transpile-only: types are checked by tsc) behind the transpile cache of
 * codegen/ts-loader.js, so `--help` and `--version` on unchanged sources load no compiler.
 */
const path = require("node:path");
const fs = require("node:fs");

const sources = path.join(__dirname, "..", "codegen", "cli", "index.ts");
let cli;
if (fs.existsSync(sources)) {
  require("../codegen/ts-loader.js").registerTypeScript();
  cli = require(sources);
} else {
  cli = require("../dist/codegen/cli/index.js");
}
cli.main(process.argv.slice(2)).then((code) => {
  if (code !== "watching") process.exitCode = code;
});
