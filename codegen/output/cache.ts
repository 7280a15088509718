import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readIfExists, writeFileAtomic } from "../../runtime/fs";
import { readGeneratedFiles, sha256 } from "./generated-files";
import { PACKAGE_ROOT, type GenOptions } from "../cli/options";

/*
 * The manifest cache makes an unchanged run cheap: it records the hash of every input of the last
 * successful run (feature files, what they import outside node_modules, the lockfile) and of every
 * output. When all inputs and all outputs on disk still match, and the generator is the same, the
 * output is what a full run would produce, so the run stops there, without loading TypeScript.
 *
 * It is only a shortcut: with no cache (a fresh clone), or any mismatch, the run is a full one.
 * It lives outside the out folder, which holds only what is committed.
 */

const MANIFEST_VERSION = 1;

interface Manifest {
  readonly version: number;
  readonly generator: string;
  readonly settings: string;
  readonly featureFiles: readonly string[];
  readonly inputs: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
  readonly featureCount: number;
}

let generatorId: string | undefined;

/**
 * Identifies this generator: every source a run can load from this package (the generator in
 * codegen/, and the runtime and DSL it imports: the schema, codecs and canonical encoding decide
 * the output too), and the versions of what it prints with. Feature files' own imports are hashed
 * per file as the run's inputs.
 */
function generator(): string {
  if (generatorId !== undefined) return generatorId;
  const parts: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|js|json)$/.test(entry.name)) parts.push(relative(PACKAGE_ROOT, path), sha256(readFileSync(path)));
    }
  };
  for (const folder of ["codegen", "runtime", "dsl"]) if (existsSync(join(PACKAGE_ROOT, folder))) visit(join(PACKAGE_ROOT, folder));
  for (const pkg of ["typescript", "ts-morph"]) {
    try {
      parts.push(pkg, (require(`${pkg}/package.json`) as { version: string }).version);
    } catch {
      parts.push(pkg, "?");
    }
  }
  generatorId = sha256(parts.join("\n"));
  return generatorId;
}

/** The settings that change output. */
function settings(options: GenOptions): string {
  return JSON.stringify([options.cwd, options.featuresDir, options.outDir, options.runtimeImport, options.openFeature]);
}

function manifestPath(options: GenOptions, cacheDir: string): string {
  return join(cacheDir, `manifest-${sha256(options.outDir).slice(0, 16)}.json`);
}

/** Files outside the program whose change should invalidate the cache (installed dependencies). */
function extraInputs(options: GenOptions): string[] {
  return [join(options.cwd, "package-lock.json")];
}

/**
 * What a long-lived caller (`gen --watch`) remembers of the hashes it recorded, so each run hashes
 * only what changed: outputs by name with the content hashed, inputs by path with the file's stamp
 * (device, inode, size, modification and change times; any write moves one of them).
 */
export interface HashMemory {
  readonly outputs: Map<string, { readonly content: string; readonly hash: string }>;
  readonly inputs: Map<string, { readonly stamp: string; readonly hash: string }>;
}

export function hashMemory(): HashMemory {
  return { outputs: new Map(), inputs: new Map() };
}

function hashInput(path: string, memory: HashMemory | undefined): string {
  const stats = memory === undefined ? undefined : statSync(path, { throwIfNoEntry: false });
  const stamp = stats === undefined ? undefined : `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
  const known = stamp === undefined ? undefined : memory!.inputs.get(path);
  if (known !== undefined && known.stamp === stamp) return known.hash;
  const content = readIfExists(path);
  const hash = content === undefined ? "absent" : sha256(content);
  if (stamp !== undefined) memory!.inputs.set(path, { stamp, hash });
  else memory?.inputs.delete(path);
  return hash;
}

function hashInputs(paths: readonly string[], memory?: HashMemory): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of paths) out[path] = hashInput(path, memory);
  return out;
}

function hashOutput(name: string, content: string, memory: HashMemory | undefined): string {
  const known = memory?.outputs.get(name);
  if (known !== undefined && known.content === content) return known.hash;
  const hash = sha256(content);
  memory?.outputs.set(name, { content, hash });
  return hash;
}

/**
 * When the cache proves the out folder is up to date for these feature files, the number of features
 * and outputs it holds; otherwise undefined (run in full).
 */
export function cachedResult(options: GenOptions, featureFiles: readonly string[]): { featureCount: number; outputs: number; inputs: readonly string[] } | undefined {
  if (options.cacheDir === undefined) return undefined;
  let manifest: Manifest;
  try {
    const text = readIfExists(manifestPath(options, options.cacheDir));
    if (text === undefined) return undefined;
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.version !== MANIFEST_VERSION || manifest.generator !== generator() || manifest.settings !== settings(options)) return undefined;
  if (JSON.stringify(manifest.featureFiles) !== JSON.stringify(featureFiles)) return undefined;
  const inputs = hashInputs(Object.keys(manifest.inputs));
  for (const [path, hash] of Object.entries(manifest.inputs)) if (inputs[path] !== hash) return undefined;
  const outputs = readGeneratedFiles(options.outDir);
  if (outputs.size !== Object.keys(manifest.outputs).length) return undefined;
  for (const [name, content] of outputs) if (manifest.outputs[name] !== sha256(content)) return undefined;
  return { featureCount: manifest.featureCount, outputs: outputs.size, inputs: Object.keys(manifest.inputs) };
}

/**
 * Records a successful run. A cache that cannot be written is not an error: the next run is a
 * full one. `memory` (a watcher's) spares hashing again what its earlier runs hashed.
 */
export function recordRun(options: GenOptions, run: { featureFiles: readonly string[]; inputs: readonly string[]; files: ReadonlyMap<string, string>; featureCount: number }, memory?: HashMemory): void {
  if (options.cacheDir === undefined) return;
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    generator: generator(),
    settings: settings(options),
    featureFiles: run.featureFiles,
    inputs: hashInputs([...new Set([...run.inputs, ...extraInputs(options)])].sort(), memory),
    outputs: Object.fromEntries([...run.files].map(([name, content]) => [name, hashOutput(name, content, memory)])),
    featureCount: run.featureCount,
  };
  try {
    writeFileAtomic(manifestPath(options, options.cacheDir), `${JSON.stringify(manifest)}\n`);
  } catch {
    // Read-only checkouts still generate; they just do not get the shortcut.
  }
}
