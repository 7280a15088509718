"use strict";
/*
 * The worker thread that runs spec files (codegen/spec/test-command.ts starts it): ts-node,
 * transpile-only, with the options the feature loader uses, and a fresh module registry per run.
 */
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");

require("../ts-loader.js").registerTypeScript();
const { runSpecs } = require("./run-specs");

parentPort.postMessage({ result: runSpecs(workerData.options, workerData.files, (file) => require(path.resolve(file))) });
