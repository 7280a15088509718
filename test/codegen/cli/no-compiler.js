"use strict";
/*
 * Preloaded (`node --require`) by cli.test.ts into the bin: fails the process if the TypeScript
 * toolchain is loaded. `--help` and `--version` must answer without it (the cost of loading it is
 * what made every call take seconds).
 */
const Module = require("node:module");
const TOOLCHAIN = /(^|[\\/])(typescript|ts-morph|@ts-morph[\\/]common|ts-node)([\\/]|$)/;
const load = Module._load;
Module._load = function loadWithoutCompiler(request, parent, isMain) {
  if (TOOLCHAIN.test(request)) throw new Error(`the toolchain was loaded: require("${request}")`);
  return load.call(this, request, parent, isMain);
};
process.on("exit", () => {
  const loaded = Object.keys(require.cache).filter((file) => TOOLCHAIN.test(file.split("node_modules").pop() ?? ""));
  if (loaded.length > 0) {
    process.stderr.write(`the toolchain was loaded: ${loaded.join(", ")}\n`);
    process.exitCode = 3;
  }
});
