"use strict";
/*
 * The worker thread that runs spec files (codegen/spec/test-command.ts starts it): ts-node,
 * transpile-only, with the options the feature loader uses, and a fresh module registry per run.
 */
const { parentPort, workerData } = require("node:worker_threads");
const Module = require("node:module");
const path = require("node:path");

if (Module._extensions[".ts"] === undefined) require("ts-node").register(require("../ts-node-options.json"));
const { runSpecs } = require("./run-specs");

parentPort.postMessage({ result: runSpecs(workerData.options, workerData.files, (file) => require(path.resolve(file))) });
