import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readIfExists, writeFileAtomic } from "../../runtime/fs";
import { isGeneratedFile, outFolderCandidates, sha256 } from "./generated-files";
import { currentStamp, trustedStamp } from "./file-stamps";
import { PACKAGE_ROOT, type GenOptions } from "../cli/options";

/*
 * The manifest cache makes an unchanged run cheap: it records the hash of every input of the last
 * successful run (feature files, what they import outside node_modules, the lockfile) and of every
 * output. When all inputs and all outputs on disk still match, and the generator is the same, the
 * output is what a full run would produce, so the run stops there, without loading TypeScript.
 *
 * Stamps (file-stamps.ts) spare the reads: an input or output whose stamp is the one recorded when
 * its content was hashed is not read again. A run records the inputs' stamps; an unchanged run that
 * had to read a file (an output, or anything too fresh to stamp) records its stamp in the manifest,
 * so the next one reads nothing but the folder listings and the manifest.
 *
 * It is only a shortcut: with no cache (a fresh clone), or any mismatch, the run is a full one.
 * It lives outside the out folder, which holds only what is committed.
 */

const MANIFEST_VERSION = 2;

interface Manifest {
  readonly version: number;
  readonly generator: string;
  readonly settings: string;
  readonly featureFiles: readonly string[];
  readonly inputs: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
  readonly featureCount: number;
  /** Stamps by input path, each taken before the content whose hash `inputs` holds was read. */
  readonly inputStamps: Readonly<Record<string, string>>;
  /** Stamps by output path, each taken before the content whose hash `outputs` holds was read back. */
  readonly outputStamps: Readonly<Record<string, string>>;
  /** The generator's sources when `generator` was computed, so the next run need not read them. */
  readonly generatorFiles: GeneratorFiles;
}

/** The generator's own sources as a run saw them: the hash of them all, and each one's stamp (by path) taken before it was read. */
interface GeneratorFiles {
  readonly hash: string;
  readonly stamps: Readonly<Record<string, string>>;
}

let generatorId: { readonly id: string; readonly files: GeneratorFiles } | undefined;

/** The generator's source files (codegen/, runtime/, dsl/ of this package), sorted as the hash reads them. */
function generatorSources(): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|js|json)$/.test(entry.name)) found.push(path);
    }
  };
  for (const folder of ["codegen", "runtime", "dsl"]) if (existsSync(join(PACKAGE_ROOT, folder))) visit(join(PACKAGE_ROOT, folder));
  return found;
}

/** The hash of the generator's sources, and their stamps; `known` (a manifest's) answers without reading when every stamp is still the same. */
function generatorFiles(known: GeneratorFiles | undefined): GeneratorFiles {
  const sources = generatorSources();
  if (known !== undefined && sources.length === Object.keys(known.stamps).length && sources.every((path) => known.stamps[path] !== undefined && currentStamp(path) === known.stamps[path])) return known;
  const parts: string[] = [];
  const stamps: Record<string, string> = {};
  for (const path of sources) {
    const stamp = trustedStamp(path);
    if (stamp !== undefined) stamps[path] = stamp;
    parts.push(relative(PACKAGE_ROOT, path), sha256(readFileSync(path)));
  }
  // A source too fresh to stamp is read again next time (its stamp is missing, so the counts differ).
  return { hash: sha256(parts.join("\n")), stamps };
}

/**
 * Identifies this generator: every source a run can load from this package (the generator in
 * codegen/, and the runtime and DSL it imports: the schema, codecs and canonical encoding decide
 * the output too), and the versions of what it prints with. Feature files' own imports are hashed
 * per file as the run's inputs. `known`: see {@link generatorFiles}.
 */
function generator(known?: GeneratorFiles): { readonly id: string; readonly files: GeneratorFiles } {
  if (generatorId !== undefined) return generatorId;
  const files = generatorFiles(known);
  const parts: string[] = [files.hash];
  for (const pkg of ["typescript", "ts-morph"]) {
    try {
      parts.push(pkg, (require(`${pkg}/package.json`) as { version: string }).version);
    } catch {
      parts.push(pkg, "?");
    }
  }
  generatorId = { id: sha256(parts.join("\n")), files };
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

/** The hash of the file at `path` now ("absent" when there is none), and its stamp taken before the read when trustworthy. */
function hashWithStamp(path: string): { hash: string; stamp: string | undefined } {
  const stamp = trustedStamp(path);
  const content = readIfExists(path);
  return { hash: content === undefined ? "absent" : sha256(content), stamp };
}

/**
 * When the cache proves the out folder is up to date for these feature files, the number of features
 * and outputs it holds; otherwise undefined (run in full).
 */
export function cachedResult(options: GenOptions, featureFiles: readonly string[]): { featureCount: number; outputs: number; inputs: readonly string[] } | undefined {
  if (options.cacheDir === undefined) return undefined;
  let manifest: Manifest;
  const path = manifestPath(options, options.cacheDir);
  try {
    const text = readIfExists(path);
    if (text === undefined) return undefined;
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.version !== MANIFEST_VERSION || manifest.generator !== generator(manifest.generatorFiles).id || manifest.settings !== settings(options)) return undefined;
  if (JSON.stringify(manifest.featureFiles) !== JSON.stringify(featureFiles)) return undefined;
  // Stamps proven again, and whether any is new (then the manifest is rewritten with them).
  const inputStamps: Record<string, string> = {};
  const outputStamps: Record<string, string> = {};
  let learned = false;
  for (const [input, hash] of Object.entries(manifest.inputs)) {
    const recorded = manifest.inputStamps[input];
    if (recorded !== undefined && currentStamp(input) === recorded) {
      inputStamps[input] = recorded;
      continue;
    }
    const read = hashWithStamp(input);
    if (read.hash !== hash) return undefined;
    if (read.stamp !== undefined) {
      inputStamps[input] = read.stamp;
      learned = true;
    }
  }
  let outputs = 0;
  for (const { name, path: output, base } of outFolderCandidates(options.outDir)) {
    const recorded = manifest.outputStamps[output];
    if (recorded !== undefined && manifest.outputs[name] !== undefined && currentStamp(output) === recorded) {
      outputStamps[output] = recorded;
      outputs += 1;
      continue;
    }
    const stamp = trustedStamp(output);
    const content = readIfExists(output);
    // Not the generator's (the user's own file in the out folder): not an output.
    if (content === undefined || !isGeneratedFile(base, content)) continue;
    if (manifest.outputs[name] !== sha256(content)) return undefined;
    outputs += 1;
    if (stamp !== undefined) {
      outputStamps[output] = stamp;
      learned = true;
    }
  }
  if (outputs !== Object.keys(manifest.outputs).length) return undefined;
  const { files } = generator(manifest.generatorFiles);
  if (learned || files !== manifest.generatorFiles) writeManifest(path, { ...manifest, inputStamps, outputStamps, generatorFiles: files });
  return { featureCount: manifest.featureCount, outputs, inputs: Object.keys(manifest.inputs) };
}

/** Best effort: a manifest that cannot be written only costs the next run time. */
function writeManifest(path: string, manifest: Manifest): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(manifest)}\n`);
  } catch {
    // Read-only checkouts still generate; they just do not get the shortcut.
  }
}

/**
 * Records a successful run. A cache that cannot be written is not an error: the next run is a
 * full one. `memory` (a watcher's) spares hashing again what its earlier runs hashed.
 */
export function recordRun(options: GenOptions, run: { featureFiles: readonly string[]; inputs: readonly string[]; files: ReadonlyMap<string, string>; featureCount: number }, memory?: HashMemory): void {
  if (options.cacheDir === undefined) return;
  const inputs = [...new Set([...run.inputs, ...extraInputs(options)])].sort();
  // Taken before the hashes (which read the files): a file written in between has a newer stamp.
  const inputStamps: Record<string, string> = {};
  for (const input of inputs) {
    const stamp = trustedStamp(input);
    if (stamp !== undefined) inputStamps[input] = stamp;
  }
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    generator: generator().id,
    generatorFiles: generator().files,
    settings: settings(options),
    featureFiles: run.featureFiles,
    inputs: hashInputs(inputs, memory),
    outputs: Object.fromEntries([...run.files].map(([name, content]) => [name, hashOutput(name, content, memory)])),
    featureCount: run.featureCount,
    inputStamps,
    // Outputs are stamped by the first unchanged run, which reads them back: what is on disk is
    // what was hashed only once read.
    outputStamps: {},
  };
  writeManifest(manifestPath(options, options.cacheDir), manifest);
}
