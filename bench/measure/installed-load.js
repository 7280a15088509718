/*
 * The 10,000-feature load as an installed application runs it (bench/measure/heap.ts,
 * measureInstalledLoad): plain `node`, no ts-node, the packed package's compiled runtime, in a
 * fresh process whose heap holds little else. Plain JavaScript, so that nothing but Node, the
 * package (and bench/measure/cpu-on-exit.js, which only reads the process's CPU time at exit) runs
 * before the load.
 *
 *   node --expose-gc bench/measure/installed-load.js <runtime entry> <bundle text file> <keys and context file>
 */
"use strict";
const { readFileSync } = require("node:fs");
const { performance } = require("node:perf_hooks");

const [entry, textFile, inputsFile] = process.argv.slice(2);
const { FeatureStore } = require(entry);
const text = readFileSync(textFile, "utf8");
const { keys, context } = JSON.parse(readFileSync(inputsFile, "utf8"));
global.gc();
global.gc();
const before = process.memoryUsage().heapUsed;
const start = performance.now();
const loaded = FeatureStore.fromBundle(text);
if (loaded._tag !== "Right") throw new Error(`the bundle did not load: ${loaded.left.message}`);
const answers = keys.map((key) => loaded.right.resolve(key).evaluate(context).value);
const loadMs = performance.now() - start;
global.gc();
global.gc();
const heapMiB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
// Read after the collections, so that the store is alive when the heap is measured.
if (answers.length !== keys.length || loaded.right.keys().length !== keys.length) throw new Error("an answer per feature expected");
process.stdout.write(`${JSON.stringify({ name: "offline-features, as installed", loadMs, heapMiB })}\n`);
