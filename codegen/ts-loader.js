"use strict";
/*
 * How TypeScript files are run: feature files and spec files always, and in a checkout of this
 * repository (no dist/) the library's own sources too. It is ts-node, transpile-only, with the
 * options in ts-node-options.json, behind a content-addressed cache of what ts-node emits.
 *
 * Why: every `gen` loads the feature files in a fresh worker thread (a fresh module registry), and
 * ts-node pays each time, per thread, ~0.4 s to load the TypeScript compiler and ~25 ms per file to
 * transpile (the DSL and runtime sources are ~100 files in a checkout): seconds per run, before
 * any feature is read. With the cache, a file whose text was transpiled before is served as is and
 * TypeScript is loaded only on the first miss, so `--help` and an unchanged worker load no compiler.
 *
 * Correctness: the key is a SHA-256 of the file's absolute path and text, the ts-node and
 * TypeScript versions and the options; the output is exactly what ts-node returned for that input
 * (JavaScript with an inline source map), so a hit runs the same code as a miss. Stack traces map
 * to TypeScript lines either way (Node's own source maps for hits, ts-node's source-map-support
 * once it is loaded, which is told about the hits). This file is JavaScript: it runs before
 * any TypeScript can.
 *
 * Many files at once: `transpileAhead(files)` transpiles the misses among them in one TypeScript
 * program (transpile-together.js, the same text ts-node gives each alone) before they are required,
 * which is what a cold `gen` of many feature files needs.
 */
const Module = require("node:module");
const crypto = require("node:crypto");
const { threadId } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const OPTIONS = require("./ts-node-options.json");
/** Bump to invalidate every cached output (e.g. when what is stored changes shape). */
const FORMAT = "1";

/** The folder of the package this file belongs to (the repository, or node_modules/offline-features). */
const PACKAGE_ROOT = path.basename(__dirname) === "codegen" && path.basename(path.dirname(__dirname)) === "dist" ? path.join(__dirname, "..", "..") : path.join(__dirname, "..");

/**
 * Where outputs are kept: `node_modules/.cache/offline-features/ts-node`, the conventional place for
 * a tool's disposable cache, in the node_modules that holds the package (or the repository's own).
 */
function defaultCacheDir() {
  const parent = path.dirname(PACKAGE_ROOT);
  const nodeModules = path.basename(parent) === "node_modules" ? parent : path.join(PACKAGE_ROOT, "node_modules");
  return path.join(nodeModules, ".cache", "offline-features", "ts-node");
}

function versionOf(name, from) {
  try {
    return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: from }), "utf8")).version;
  } catch {
    return "missing";
  }
}

/** The registered loader's transpileAhead, once registerTypeScript has registered one in this thread. */
let ahead;

/**
 * Makes `require` run `.ts` files (transpile-only). Does nothing when something already handles
 * `.ts` (ts-node registered by the caller, jest's transform). Returns whether it registered.
 * @param {{ cacheDir?: string | false }} [settings] `cacheDir: false` turns the cache off.
 */
function registerTypeScript(settings = {}) {
  if (Module._extensions[".ts"] !== undefined) return false;
  const cacheDir = settings.cacheDir === false ? undefined : (settings.cacheDir ?? defaultCacheDir());
  // ts-node loads the compiler it finds from the working folder first, then its own.
  const from = [process.cwd(), __dirname];
  const salt = [FORMAT, versionOf("ts-node", from), versionOf("typescript", from), JSON.stringify(OPTIONS)].join("\0");
  /** Output served by file name, for stack traces once source-map-support replaces Node's mapping. */
  const served = new Map();
  /** Outputs transpiled ahead of their require (see transpileAhead), by cache key, until required. */
  const ready = new Map();
  let service;

  /** ts-node, created on the first file the cache cannot answer. */
  function tsNode() {
    if (service === undefined) {
      const tsNodeModule = require(require.resolve("ts-node", { paths: from }));
      service = tsNodeModule.create(OPTIONS);
      // ts-node installed source-map-support, which answers stack traces from now on: let it see
      // the outputs served from the cache before it existed (its own lookup only knows its own).
      // Its caches are emptied before each stack trace: a worker thread serves several runs, and
      // a file edited between them must map through its new source map, not the one seen first.
      // Its caches are kept (emptying them before each stack trace had it read and decode every
      // source map again for each of the DSL's call sites: ~4 s of a cold gen of 1,000 features);
      // instead a file's entries are forgotten whenever the file is served again (forgetSourceMap).
      const support = require(require.resolve("@cspotcode/source-map-support", { paths: [path.dirname(require.resolve("ts-node", { paths: from }))] }));
      support.install({ environment: "node", retrieveFile: (file) => served.get(path.normalize(file)), emptyCacheBetweenOperations: false });
      // source-map-support answers every stack trace from now on, so Node's own source maps would
      // only be parsed (at each module's compile) and never read.
      process.setSourceMapsEnabled(false);
    }
    return service;
  }

  /**
   * Forgets what source-map-support cached of a file (its text and source map) that is served
   * again, perhaps edited: its next stack trace maps through the new output. source-map-support
   * keeps its caches on one object per thread, shared by every copy of it.
   */
  function forgetSourceMap(filename) {
    const shared = globalThis[Symbol.for("source-map-support/sharedData")];
    if (shared === undefined) return;
    const key = pathToFileURL(filename).toString();
    if (shared.sourceMapCache !== undefined) delete shared.sourceMapCache[key];
    if (shared.fileContentsCache !== undefined) delete shared.fileContentsCache[key];
  }

  function keyOf(filename, code) {
    return crypto.createHash("sha256").update(salt).update("\0").update(filename).update("\0").update(code).digest("hex");
  }

  function read(key) {
    if (cacheDir === undefined) return undefined;
    try {
      return fs.readFileSync(path.join(cacheDir, key.slice(0, 2), `${key}.js`), "utf8");
    } catch {
      return undefined;
    }
  }

  /** The cache's subfolders this process made or found: made once each. */
  const folders = new Set();
  let written = 0;

  /** Best effort, atomic (write then rename): a cache that cannot be written only costs time. */
  function write(key, output) {
    if (cacheDir === undefined) return;
    try {
      const folder = path.join(cacheDir, key.slice(0, 2));
      if (!folders.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      // Unique to this process, thread and write: another writer of the same key renames its own.
      const temporary = path.join(folder, `${key}.${process.pid}.${threadId}.${(written += 1)}.tmp`);
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, path.join(folder, `${key}.js`));
    } catch {
      // read-only install, full disk: run uncached.
    }
  }

  // Hits are mapped by Node itself (the output carries an inline source map).
  process.setSourceMapsEnabled(true);
  const jsHandler = Module._extensions[".js"];
  Module._extensions[".ts"] = function loadTypeScript(module, filename) {
    // As ts-node: files in node_modules are not transpiled (a package ships JavaScript).
    if (filename.split(path.sep).includes("node_modules")) return jsHandler(module, filename);
    const code = fs.readFileSync(filename, "utf8");
    const key = keyOf(filename, code);
    let output = ready.get(key);
    if (output !== undefined) ready.delete(key);
    else output = read(key);
    if (output === undefined) {
      output = tsNode().compile(code, filename);
      write(key, output);
    }
    served.set(path.normalize(filename), output);
    forgetSourceMap(filename);
    module._compile(output, filename);
  };
  /** See {@link transpileAhead}. */
  ahead = (files) => {
    ready.clear();
    const misses = [];
    for (const file of files) {
      let filename;
      let code;
      try {
        // As require names the module: by its real path.
        filename = fs.realpathSync(file);
        code = fs.readFileSync(filename, "utf8");
      } catch {
        continue; // its require reports it
      }
      if (path.extname(filename) !== ".ts" || filename.split(path.sep).includes("node_modules")) continue;
      const key = keyOf(filename, code);
      if (cacheDir !== undefined && fs.existsSync(path.join(cacheDir, key.slice(0, 2), `${key}.js`))) continue;
      misses.push({ filename, code, key });
    }
    // One file costs ts-node what it costs a program of its own.
    if (misses.length < 2) return;
    const outputs = require("./transpile-together.js").transpileTogether(tsNode(), misses);
    for (const { filename, key } of misses) {
      const output = outputs.get(filename);
      if (output === undefined) continue;
      write(key, output);
      ready.set(key, output);
    }
  };
  // As ts-node's preferTsExts: `./x` resolves to x.ts before x.js or x.json (generated/test.ts beside test.json).
  for (const ext of [".ts", ...Object.keys(Module._extensions).filter((e) => e !== ".ts")]) {
    const handler = Object.getOwnPropertyDescriptor(Module._extensions, ext);
    delete Module._extensions[ext];
    Object.defineProperty(Module._extensions, ext, handler);
  }
  return true;
}

/**
 * Transpiles those of `files` (absolute paths) the cache does not hold, in one TypeScript program,
 * before they are required: their requires are then served as cache hits. Does nothing unless
 * this file registered the `.ts` handler in this thread.
 * @param {readonly string[]} files
 */
function transpileAhead(files) {
  if (ahead !== undefined) ahead(files);
}

module.exports = { registerTypeScript, defaultCacheDir, transpileAhead };
