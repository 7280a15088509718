import Module from "node:module";
import { dirname } from "node:path";
import tsNodeOptions from "./ts-node-options.json";

/**
 * Feature files are TypeScript; the generator runs them with Node's own CommonJS loader after
 * registering ts-node, transpile-only (types are checked separately, once, with ts-morph).
 *
 * Node's real loader is used even under jest, whose `require` and `createRequire` belong to its own
 * module registry: the loader's static parts (`_load`, `_cache`, `_extensions`) are Node's own
 * in both. So feature files run as plain modules, with ts-node's source maps (errors point at
 * TypeScript lines), and can be loaded afresh after clearing Node's cache.
 */

interface NodeModule {
  require(id: string): unknown;
  filename: string;
  paths: string[];
}
interface NodeModuleClass {
  new (id: string): NodeModule;
  _nodeModulePaths(dir: string): string[];
  _cache: Record<string, unknown>;
  _extensions: Record<string, unknown>;
}
const RealModule = Module as unknown as NodeModuleClass;

/** A `require` that resolves from `file`, through Node's own loader. */
export function requireFrom(file: string): (id: string) => unknown {
  const parent = new RealModule(file);
  parent.filename = file;
  parent.paths = RealModule._nodeModulePaths(dirname(file));
  return (id) => parent.require(id);
}

/** Requires a module by absolute path through Node's own loader. */
export const nodeRequire = (path: string): unknown => requireFrom(__filename)(path);

/**
 * ts-node's options (shared with the bin shim): independent of the project's tsconfig, which may
 * target ES modules, and compiling this package's sources even when installed under node_modules.
 * `preferTsExts`, because `generated/test.ts` sits beside `generated/test.json` and Node's default
 * order would resolve `./test` to the JSON.
 */
export const TS_NODE_OPTIONS = tsNodeOptions;

/** Registers ts-node for `.ts` files unless something (ts-node's own CLI, the bin shim) already did. */
export function ensureTypeScriptLoader(): void {
  if (RealModule._extensions[".ts"] !== undefined) return;
  (nodeRequire("ts-node") as typeof import("ts-node")).register(TS_NODE_OPTIONS);
}

/**
 * The global object of the realm Node's loader runs modules in. It is ours, except under jest, whose
 * tests run in a realm of their own: a function Node loaded evaluates `globalThis` over there.
 */
function loaderGlobal(): Record<symbol, SourceMapShared | undefined> {
  const loaded = nodeRequire("node:path") as { join: { constructor: FunctionConstructor } };
  return loaded.join.constructor("return globalThis")() as Record<symbol, SourceMapShared | undefined>;
}

/** The caches of ts-node's source-map support, shared process-wide under this key. */
const SOURCE_MAP_SHARED = Symbol.for("source-map-support/sharedData");
interface SourceMapShared {
  sourceMapCache?: Record<string, unknown>;
  fileContentsCache?: Record<string, unknown>;
}

/**
 * Forgets every module loaded from under `dir`, so the next `require` runs them again, and the
 * source maps of their previous versions, which source-map support would otherwise keep using
 * (an edited file's errors would point at the old lines).
 */
export function forgetModulesUnder(dir: string, separator: string): void {
  const prefix = dir.endsWith(separator) ? dir : dir + separator;
  for (const path of Object.keys(RealModule._cache)) if (path.startsWith(prefix)) delete RealModule._cache[path];
  const shared = loaderGlobal()[SOURCE_MAP_SHARED];
  for (const cache of [shared?.sourceMapCache, shared?.fileContentsCache]) {
    if (cache === undefined) continue;
    for (const key of Object.keys(cache)) if (key.startsWith(prefix) || key.startsWith(`file://${prefix}`)) delete cache[key];
  }
}
