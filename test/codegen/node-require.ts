import Module from "node:module";
import { dirname, join } from "node:path";

/*
 * Loads generated modules the way an application does: with Node's own CommonJS loader and ts-node
 * (behind the transpile cache the bin uses, codegen/ts-loader.js), not through jest's module
 * registry (whose `require` and `createRequire` are its own; the loader's static parts, `_load`
 * and `_extensions`, are Node's in both).
 */

interface NodeModule {
  require(id: string): unknown;
  filename: string;
  paths: string[];
}
interface NodeModuleClass {
  new (id: string): NodeModule;
  _nodeModulePaths(dir: string): string[];
  _extensions: Record<string, unknown>;
}
const RealModule = Module as unknown as NodeModuleClass;

function requireFrom(file: string): (id: string) => unknown {
  const parent = new RealModule(file);
  parent.filename = file;
  parent.paths = RealModule._nodeModulePaths(dirname(file));
  return (id) => parent.require(id);
}

/** Requires `path` (absolute) with Node's own loader, registering TypeScript as the bin does. */
export function nodeRequire(path: string): unknown {
  const load = requireFrom(__filename);
  (load(join(__dirname, "..", "..", "codegen", "ts-loader.js")) as { registerTypeScript(): boolean }).registerTypeScript();
  return load(path);
}
