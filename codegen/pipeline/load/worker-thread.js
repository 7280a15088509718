"use strict";
/*
 * The worker thread that runs feature files (codegen/load-worker.ts starts it; plain JavaScript, so
 * the compiled package copies it as is). Feature files are
 * TypeScript: register ts-node, transpile-only, with the options the bin shim uses, then load
 * each file with Node's own require. A worker per run means a fresh module registry every time
 * (watch mode re-runs edited files) and isolates the generator from what feature files do.
 */
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");

require("../../ts-loader.js").registerTypeScript();
// "./load" is load.ts under ts-node (a checkout) and load.js in the compiled package.
const { loadFeatures } = require("./load-features");

const onProgress = (phase, done, total) => parentPort.postMessage({ progress: [phase, done, total] });
const result = loadFeatures({ ...workerData.options, onProgress }, workerData.files, (file) => require(path.resolve(file)));
// Every module the feature files pulled in (segments, helpers, the DSL and runtime they import):
// the cache and --watch follow exactly these, not a list of folders.
const loadedModules = Object.keys(require.cache).filter((file) => !file.split(path.sep).includes("node_modules"));
parentPort.postMessage({ result: { ...result, loadedModules } });
