#!/usr/bin/env node
"use strict";
/*
 * The `offline-features` command. The package ships TypeScript sources, so this shim registers
 * ts-node (transpile-only: types are checked by tsc and by the generator itself; options shared
 * with codegen/ts-node.ts) and runs the CLI.
 */
const path = require("node:path");
const Module = require("node:module");
if (Module._extensions[".ts"] === undefined) {
  require("ts-node").register(require(path.join(__dirname, "..", "codegen", "ts-node-options.json")));
}
const { main } = require(path.join(__dirname, "..", "codegen", "cli", "cli.ts"));
main(process.argv.slice(2)).then((code) => {
  if (code !== "watching") process.exitCode = code;
});
