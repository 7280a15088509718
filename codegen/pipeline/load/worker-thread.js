"use strict";
/*
 * The worker thread that runs feature files (in-worker.ts starts it; plain JavaScript, so the
 * compiled package copies it as is). Feature files are TypeScript: register ts-node,
 * transpile-only, with the options the bin shim uses, then load each file with Node's own require.
 *
 * One thread serves several runs of a process (`--watch`, a test suite): starting a thread and
 * loading the TypeScript compiler costs more than most runs. Each run still starts from the module
 * registry a fresh thread would have: the modules this thread loaded for itself (the machinery
 * below) stay, and every module a previous run loaded is forgotten, so an edited file is read
 * again. in-worker.ts retires the thread when a machinery file changes.
 */
const { parentPort } = require("node:worker_threads");
const Module = require("node:module");
const path = require("node:path");

require("../../ts-loader.js").registerTypeScript();
// "./load-features" is load-features.ts under ts-node (a checkout) and .js in the compiled package.
const { loadFeatures } = require("./load-features");

const outsideNodeModules = (file) => !file.split(path.sep).includes("node_modules");
/** What this thread loaded before any feature file: kept across runs. */
const machinery = new Set(Object.keys(require.cache));

/** Forgets every module an earlier run loaded, and where requests resolved to (a file may be gone). */
function freshRegistry() {
  for (const file of Object.keys(require.cache)) if (!machinery.has(file)) delete require.cache[file];
  // A module keeps the modules it required as children: let the forgotten ones be collected.
  for (const file of machinery) {
    const kept = require.cache[file];
    if (kept !== undefined) kept.children = kept.children.filter((child) => machinery.has(child.filename));
  }
  const resolved = Module._pathCache;
  if (resolved !== undefined) for (const key of Object.keys(resolved)) delete resolved[key];
}

parentPort.on("message", ({ options, files }) => {
  freshRegistry();
  const onProgress = (phase, done, total) => parentPort.postMessage({ progress: [phase, done, total] });
  const result = loadFeatures({ ...options, onProgress }, files, (file) => require(path.resolve(file)));
  // Every module the feature files pulled in (segments, helpers, the DSL and runtime they import):
  // the cache and --watch follow exactly these, not a list of folders.
  const loadedModules = Object.keys(require.cache).filter(outsideNodeModules);
  parentPort.postMessage({ result: { ...result, loadedModules } });
});
// The files the reuse check watches: what in-worker.ts must see unchanged to send another run.
parentPort.postMessage({ machinery: [...machinery].filter(outsideNodeModules) });
