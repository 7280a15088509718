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
const fs = require("node:fs");

const { registerTypeScript, transpileAhead } = require("../../ts-loader.js");

registerTypeScript();
// "./load-features" is load-features.ts under ts-node (a checkout) and .js in the compiled package.
const { loadFeatures, loadFeatureFile } = require("./load-features");

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

/**
 * The registry's identity: a new one after each fresh start. A watch session names the registry
 * its kept results came from; any other registry (a new thread, or one another run started
 * afresh) has none of them, so the session's run loads every file afresh.
 */
let registry = 0;
const registryId = () => `${require("node:worker_threads").threadId}:${registry}`;

function startAfresh() {
  freshRegistry();
  registry += 1;
}

/**
 * Forgets the changed modules (edited or deleted) and every module that requires them, directly
 * or not: those are what a fresh registry would evaluate differently. The thread's machinery
 * stays. Where requests resolved to is forgotten too (a deleted file no longer resolves).
 */
/** A path as given and through the real path of its folder (the registry names modules by real path; a deleted file has none). */
function bothForms(file) {
  const given = path.resolve(file);
  try {
    return [given, path.join(fs.realpathSync(path.dirname(given)), path.basename(given))];
  } catch {
    return [given];
  }
}

function forgetChanged(changed) {
  const parents = new Map();
  for (const [file, module] of Object.entries(require.cache)) {
    for (const child of module.children) {
      const set = parents.get(child.filename) ?? new Set();
      set.add(file);
      parents.set(child.filename, set);
    }
  }
  const gone = new Set();
  const pending = [...changed];
  while (pending.length > 0) {
    const file = pending.pop();
    if (gone.has(file) || machinery.has(file)) continue;
    gone.add(file);
    for (const parent of parents.get(file) ?? []) pending.push(parent);
  }
  for (const file of gone) delete require.cache[file];
  for (const file of machinery) {
    const kept = require.cache[file];
    if (kept !== undefined) kept.children = kept.children.filter((child) => !gone.has(child.filename));
  }
  const resolved = Module._pathCache;
  if (resolved !== undefined) for (const key of Object.keys(resolved)) delete resolved[key];
}

/** The modules outside node_modules the feature files reach (and the machinery): what a fresh run would have loaded. */
function reachedModules(files) {
  const reached = new Set([...machinery].filter(outsideNodeModules));
  const visited = new Set();
  const pending = files.map((file) => require.cache[path.resolve(file)]).filter((m) => m !== undefined);
  while (pending.length > 0) {
    const module = pending.pop();
    if (visited.has(module.filename)) continue;
    visited.add(module.filename);
    if (outsideNodeModules(module.filename)) reached.add(module.filename);
    for (const child of module.children) if (!visited.has(child.filename)) pending.push(child);
  }
  return [...reached];
}

parentPort.on("message", (request) => {
  const { options, files } = request;
  const onProgress = (phase, done, total) => parentPort.postMessage({ progress: [phase, done, total] });
  const load = (file) => require(path.resolve(file));
  if (request.changed === undefined) {
    startAfresh();
    // The feature files the cache does not hold, transpiled in one program rather than one each.
    transpileAhead(files.map((file) => path.resolve(file)));
    const result = loadFeatures({ ...options, onProgress }, files, load);
    // Every module the feature files pulled in (segments, helpers, the DSL and runtime they import):
    // the cache and --watch follow exactly these, not a list of folders.
    const loadedModules = Object.keys(require.cache).filter(outsideNodeModules);
    parentPort.postMessage({ result: { ...result, loadedModules } });
    return;
  }
  // A watch session's run: load again only the files whose modules are no longer registered.
  const fresh = request.registry !== registryId();
  if (fresh) startAfresh();
  else forgetChanged(request.changed.flatMap(bothForms));
  const needed = new Set(request.needed);
  const toLoad = files.filter((file) => fresh || needed.has(file) || require.cache[path.resolve(file)] === undefined);
  transpileAhead(toLoad.map((file) => path.resolve(file)));
  const loads = toLoad.map((file, i) => {
    onProgress("loading", i + 1, toLoad.length);
    return [file, loadFeatureFile(options, file, load)];
  });
  parentPort.postMessage({ changedResult: { loads, loadedModules: reachedModules(files), registry: registryId() } });
});
// The files the reuse check watches: what in-worker.ts must see unchanged to send another run.
parentPort.postMessage({ machinery: [...machinery].filter(outsideNodeModules) });
