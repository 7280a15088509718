import Module, { createRequire } from "node:module";
import tsNodeOptions from "./ts-node-options.json";

/**
 * Feature files are TypeScript; the generator loads them with Node's own `require` after
 * registering ts-node, transpile-only (types are checked separately, once, with ts-morph).
 *
 * Node's real loader is used even under jest (whose module registry is separate), so feature files
 * always run as plain CommonJS modules and can be re-required fresh after clearing the cache.
 */

/** Node's real `require`, whatever module system loaded this file. */
export const nodeRequire: NodeJS.Require = createRequire(__filename);

/**
 * ts-node's options (shared with the bin shim): independent of the project's tsconfig, which may
 * target ES modules, and compiling this package's sources even when installed under node_modules.
 */
export const TS_NODE_OPTIONS = tsNodeOptions;

/** Registers ts-node for `.ts` files unless something (ts-node's own CLI, the bin shim) already did. */
export function ensureTypeScriptLoader(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (extensions[".ts"] !== undefined) return;
  (nodeRequire("ts-node") as typeof import("ts-node")).register(TS_NODE_OPTIONS);
}

/** Forgets every module loaded from under `dir`, so the next `require` runs them again. */
export function forgetModulesUnder(dir: string, separator: string): void {
  const prefix = dir.endsWith(separator) ? dir : dir + separator;
  for (const path of Object.keys(nodeRequire.cache)) if (path.startsWith(prefix)) delete nodeRequire.cache[path];
}
