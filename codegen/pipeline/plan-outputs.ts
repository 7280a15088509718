import { existsSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Project } from "ts-morph";
import { encodeBundle } from "../../runtime/store/bundle";
import { FeatureC } from "../../runtime/model/feature";
import { contextKeys } from "./type-read/context-type";
import { featureFileDiagnostics } from "./type-read/compile-errors";
import { accessorStructure, localNames, STORE_MODULE, type AccessorInput } from "../output/emit/accessor";
import { jsonNote } from "../output/emit/header";
import { BUNDLE_FILE, indexStructure, storeStructure } from "../output/emit/modules";
import { listFeatureFiles } from "./feature-files";
import type { LoadedFeature, LoadResult } from "./load/load-features";
import { loadFeaturesInWorker } from "./load/in-worker";
import { accessorNames, fileNameProblem, pascalCase } from "../output/emit/names";
import { display, type GenOptions } from "../cli/options";
import { at, GenerationError, type Problem } from "../problems";
import { createProject } from "./ts-project";
import { print, type ModuleStructure } from "./print-module";
import { valueTypeOf, type ValueType } from "./type-read/value-type";
import { findingText, findingWhere, lintFeatures, type LintFinding } from "./lint";
import { featureJsonSchema } from "../../runtime/schema";
import { BUNDLES_FOLDER, checkEnvironments, foldAll, lintPerEnvironment } from "./environment-outputs";
import { readsEnvironment } from "./environments";
import { environmentStoreStructure } from "../output/emit/modules";
import { OPENFEATURE_KEYS_FILE, openFeatureKeysStructure } from "../output/emit/openfeature-keys";
import { bundleLimitProblem, featureLimitProblem } from "./runtime-limits";
import type { JsonValue } from "../../runtime/model/json";
import { patternsNeedingEngine } from "../output/emit/runtime-entries";

/** The JSON Schema of the feature format, written beside the features for editors. */
export const SCHEMA_FILE = "schema.json";

/** Keys whose files would collide with the generator's own (compared in lower case, for case-insensitive file systems). */
const RESERVED_KEYS = new Map([
  ["index", "index.ts"],
  [STORE_MODULE, `${STORE_MODULE}.ts`],
  ["features", BUNDLE_FILE],
  ["schema", SCHEMA_FILE],
  ["openfeature-keys", OPENFEATURE_KEYS_FILE],
]);

/** A run's output, computed in memory: nothing is written yet. */
export interface Generated {
  /** File name in the out folder → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly featureCount: number;
  /** The feature files read. */
  readonly featureFiles: readonly string[];
  /** Every source file the features depend on outside node_modules (feature files included), for the cache. */
  readonly inputs: readonly string[];
  /** Lint warnings: printed, not blocking. */
  readonly warnings: readonly Problem[];
}

function whereOf(options: GenOptions, f: LoadedFeature): string {
  return f.source === undefined ? at(display(options, f.file), 1) : at(f.source.file, f.source.line);
}

/** Unique keys, keys that do not take the generator's file names, and getter names that do not clash. */
function checkKeys(options: GenOptions, features: readonly LoadedFeature[]): { problems: Problem[]; rejected: Set<LoadedFeature> } {
  const problems: Problem[] = [];
  const rejected = new Set<LoadedFeature>();
  const reject = (f: LoadedFeature, problem: Problem) => {
    problems.push(problem);
    rejected.add(f);
  };
  const byKey = new Map<string, LoadedFeature>();
  const byName = new Map<string, LoadedFeature>();
  const byFile = new Map<string, LoadedFeature>();
  for (const f of features) {
    const reserved = RESERVED_KEYS.get(f.key.toLowerCase());
    if (reserved !== undefined) {
      reject(f, { where: whereOf(options, f), message: `the feature key "${f.key}" is reserved: the generator writes ${reserved} itself; choose another key` });
      continue;
    }
    const unportable = fileNameProblem(f.key);
    if (unportable !== undefined) {
      reject(f, { where: whereOf(options, f), message: `the feature key "${f.key}" cannot be generated: ${unportable}; choose another key` });
      continue;
    }
    const first = byKey.get(f.key);
    if (first !== undefined) {
      reject(f, { where: whereOf(options, f), message: `duplicate feature key "${f.key}": also defined at ${whereOf(options, first)} (keys are unique across the project)` });
      continue;
    }
    byKey.set(f.key, f);
    // Case-insensitive file systems (macOS, Windows) would write both keys' files to one file.
    const sameFile = byFile.get(f.key.toLowerCase());
    if (sameFile !== undefined) {
      reject(f, {
        where: whereOf(options, f),
        message: `feature key "${f.key}" differs from "${sameFile.key}" at ${whereOf(options, sameFile)} only in case, so their generated files are one file on macOS and Windows; rename one`,
      });
      continue;
    }
    byFile.set(f.key.toLowerCase(), f);
    const name = pascalCase(f.key);
    const clash = byName.get(name);
    if (clash !== undefined) {
      reject(f, {
        where: whereOf(options, f),
        message: `feature key "${f.key}" gives the same generated names (get${name}) as "${clash.key}" at ${whereOf(options, clash)}; rename one`,
      });
      continue;
    }
    byName.set(name, f);
  }
  return { problems, rejected };
}

/** Problems in the order of the feature files they name (compile and run problems come from two places). */
function sortByFile(problems: readonly Problem[], files: readonly string[]): Problem[] {
  const rank = (p: Problem) => {
    const i = files.findIndex((f) => p.where === f || p.where?.startsWith(`${f}:`) === true);
    return i < 0 ? files.length : i;
  };
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([p]) => p);
}

/**
 * Runs a phase of TypeScript's over `file` (or the features folder), turning the stack overflow
 * its recursive parser and checker hit on an expression nested thousands of levels deep into a
 * problem at that place, instead of a crash with the compiler's stack trace.
 */
export function withinStack<T>(options: GenOptions, file: string, phase: () => T): T {
  try {
    return phase();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new GenerationError([
      { where: display(options, file), message: `TypeScript ran out of stack reading this (${e.message}): an expression nested thousands of levels deep; the runtime refuses rules nested deeper than its depth limit (README, "Input limits")` },
    ]);
  }
}

/**
 * What a run knows of the feature files before it plans the outputs: their compile errors, what
 * running them gave, and the checker's answers. A fresh run gathers all of it; a watch session
 * (watch-session.ts) keeps it per file and gathers again only what an edit can have changed.
 */
export interface FeatureFacts {
  readonly featureFiles: readonly string[];
  readonly diagnostics: { readonly problems: readonly Problem[]; readonly failed: ReadonlySet<string> };
  readonly loaded: LoadResult;
  /** The value type of a loaded feature, `taken` being the names its module already uses. */
  readonly valueTypeOf: (feature: LoadedFeature, taken: ReadonlySet<string>) => ValueType | Problem;
  /** Every source file the checker read, absolute (asked once the value types are read). */
  readonly checkedFiles: () => readonly string[];
  /**
   * Prints a module of the out folder from `structure()`. `key()` names everything the structure
   * is built from: a session prints again only when it differs from the last run's.
   */
  readonly print: (name: string, key: () => string, structure: () => ModuleStructure) => string;
}


/** Objects as JSON text, once each: a session keeps the models and value types of unchanged files from run to run. */
const objectTexts = new WeakMap<object, string>();
function textOf(value: object): string {
  let text = objectTexts.get(value);
  if (text === undefined) objectTexts.set(value, (text = JSON.stringify(value)));
  return text;
}

/** Each accessor input as text (a session compares them from run to run); its model and value type through {@link textOf}. */
function inputText(input: AccessorInput): string {
  let text = objectTexts.get(input);
  if (text === undefined) {
    const { model, valueType, ...rest } = input;
    objectTexts.set(input, (text = `${JSON.stringify(rest)}\u0000${textOf(model)}\u0000${textOf(valueType)}`));
  }
  return text;
}

/** The JSON document of each feature model, once per model (a session keeps the models of unchanged files). */
const modelTexts = new WeakMap<object, string>();
function modelText(model: AccessorInput["model"]): string {
  let text = modelTexts.get(model);
  if (text === undefined) modelTexts.set(model, (text = `${JSON.stringify(FeatureC.encode(model), null, 2)}\n`));
  return text;
}

/**
 * {@link featureLimitProblem} once per feature model and key: a watch session keeps the models of
 * unchanged files from run to run, and encoding and measuring 1,000 of them is ~10–30 ms a run.
 */
const limitProblems = new WeakMap<object, { readonly key: string; readonly problem: string | undefined }>();
function limitProblemOf(key: string, model: AccessorInput["model"]): string | undefined {
  const known = limitProblems.get(model);
  if (known !== undefined && known.key === key) return known.problem;
  const problem = featureLimitProblem(key, model);
  limitProblems.set(model, { key, problem });
  return problem;
}

/** Fails unless the features folder exists. */
export function requireFeaturesFolder(options: GenOptions): void {
  if (!existsSync(options.featuresDir) || !statSync(options.featuresDir).isDirectory()) {
    throw new GenerationError([{ where: display(options, options.featuresDir), message: "the features folder does not exist; pass --features DIR" }]);
  }
}

/**
 * Generates every output in memory: type-checks the feature files while a worker runs them, reads
 * their value types, and prints JSON and modules. Rejects with a {@link GenerationError} listing
 * every problem found; nothing is written either way.
 */
export async function generateInMemory(options: GenOptions, onOutput?: OutputListener, started?: StartedLoad): Promise<Generated> {
  requireFeaturesFolder(options);
  const featureFiles = started?.featureFiles ?? listFeatureFiles(options.featuresDir);
  const loading = started?.loading ?? loadFeaturesInWorker(options, featureFiles);
  let diagnostics: ReturnType<typeof featureFileDiagnostics>;
  let project: Project;
  try {
    project = createProject(options.featuresDir);
    const sources = featureFiles.map((f) => withinStack(options, f, () => project.addSourceFileAtPath(f)));
    diagnostics = withinStack(options, options.featuresDir, () => featureFileDiagnostics(options, project, sources));
  } finally {
    // Settle the worker before leaving, even on a failure here.
    await loading.catch(() => undefined);
  }
  return planOutputs(
    options,
    {
      featureFiles,
      diagnostics,
      loaded: await loading,
      valueTypeOf: (f, taken) => valueTypeOf(options, project, f, taken),
      checkedFiles: () => project.getSourceFiles().map((s) => resolve(s.getFilePath() as string)),
      print: (name, _key, structure) => print(project, options, name, structure()),
    },
    onOutput,
  );
}

/**
 * Feature files a caller has started loading in the worker already, before this module (and
 * ts-morph with TypeScript, ~0.4 s) was loaded: the worker's load then overlaps that too.
 */
export interface StartedLoad {
  readonly featureFiles: readonly string[];
  readonly loading: Promise<LoadResult>;
}

/** Told each output file as soon as it is printed (name in the out folder, content): a run may start writing it then. */
export type OutputListener = (name: string, content: string) => void;

/**
 * Plans every output from the facts: checks keys, environments, limits and lint across all
 * features, then prints JSON and modules, telling `onOutput` of each file as it is printed (a
 * failure later in the run still throws: nothing told is final). Rejects with a
 * {@link GenerationError} listing every problem found.
 */
export function planOutputs(options: GenOptions, facts: FeatureFacts, onOutput?: OutputListener): Generated {
  const { featureFiles, diagnostics, loaded } = facts;
  // Every phase reports its problems and the run goes on with the features it can still handle, so
  // one run lists every problem: a feature that failed an earlier phase is left out of the later
  // ones (a file that does not compile is reported by its compile errors, not by what running it did).
  const failed = diagnostics.failed;
  const ran = loaded.features.filter((f) => !failed.has(f.file));
  const environments = checkEnvironments(loaded.environments, ran, (f, bucket) => {
    const place = bucket === undefined ? undefined : f.bucketSources[bucket];
    return place === undefined ? whereOf(options, f) : at(place.file, place.line);
  });
  const declared = environments.declared;
  const keys = checkKeys(options, ran);
  const problems: Problem[] = [...diagnostics.problems, ...loaded.problems.filter((p) => !failed.has(p.file)).map((p) => p.problem), ...keys.problems, ...environments.problems];
  const accepted = ran.filter((f) => !keys.rejected.has(f));
  // A feature past the runtime's default input limits would make the generated store refuse the whole bundle.
  for (const f of accepted) {
    const tooBig = limitProblemOf(f.key, f.model);
    if (tooBig !== undefined) problems.push({ where: whereOf(options, f), message: tooBig });
  }
  // Static checks: errors fail the run like compile errors; warnings ride along with the output.
  // With environments, lint sees what each environment's bundle holds (once the declaration and
  // the names the rules use are sound; until then it sees the features as written).
  const subjects = accepted.map((f) => ({ key: f.key, model: f.model, source: f.source, bucketSources: f.bucketSources }));
  const foldable = declared !== undefined && environments.problems.length === 0 ? declared : undefined;
  const findings = foldable === undefined ? lintFeatures(subjects) : lintPerEnvironment(foldable, subjects);
  const asProblem = (f: LintFinding): Problem => ({ where: findingWhere(f), message: `${f.severity}: ${findingText(f)}` });
  problems.push(...findings.filter((f) => f.severity === "error").map(asProblem));
  const warnings = findings.filter((f) => f.severity === "warning").map(asProblem);
  const models = new Map(accepted.map((f) => [f.key, f.model]));
  const folded = foldable === undefined ? undefined : foldAll(foldable, models);

  const features = [...accepted].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inputs: AccessorInput[] = [];
  features.forEach((f, i) => {
    options.onProgress?.("reading types", i + 1, features.length);
    const names = accessorNames(f.key);
    const valueType = facts.valueTypeOf(f, localNames(names));
    if ("message" in valueType) {
      problems.push(valueType);
      return;
    }
    inputs.push({
      key: f.key,
      model: f.model,
      names,
      valueType,
      context: contextKeys(f.model, (key) => models.get(key)),
      file: display(options, f.file),
      // Features built without the DSL (OfflineFeature.loads) do not know their call site: use the export's line.
      source: f.source === undefined ? at(display(options, f.file), valueType.line) : whereOf(options, f),
      runtimeImport: options.runtimeImport,
      ...(folded === undefined || !readsEnvironment(f.model) ? {} : { environments: [...folded].map(([env, byKey]) => [env, byKey.get(f.key)!] as const) }),
    });
  });
  if (problems.length > 0) throw new GenerationError(sortByFile(problems, featureFiles.map((f) => display(options, f))));
  // Everything the run read: the modules the worker loaded (feature files and all they import,
  // wherever they live) and what the checker read. The cache and --watch follow exactly these.
  const checked = facts.checkedFiles();
  const dependencies = [...new Set([...(loaded.loadedModules ?? []), ...checked])].filter((p) => !p.split(sep).includes("node_modules")).sort();

  const files = new Map<string, string>();
  const output = (name: string, content: string) => {
    files.set(name, content);
    onOutput?.(name, content);
  };
  const featuresFolder = `${display(options, options.featuresDir)}/`;
  inputs.forEach((input, i) => {
    options.onProgress?.("emitting", i + 1, inputs.length);
    // With environments there is no environment-neutral document: each bundle holds its own.
    if (folded === undefined) output(`${input.key}.json`, modelText(input.model));
    output(`${input.key}.ts`, facts.print(`${input.key}.ts`, () => inputText(input), () => accessorStructure(input)));
  });
  // The store and the index are built from the features' keys and names (and the store from the
  // patterns that need the regex engine), not from their models or value types: each is printed
  // from exactly the arguments its key names, so a watch session prints them again only when
  // those change, not on every edit of a value.
  const named = inputs.map(({ key, names }) => ({ key, names }));
  const engine = patternsNeedingEngine(inputs);
  const printFrom = <A extends readonly unknown[]>(name: string, structure: (...args: A) => ModuleStructure, ...args: A): string =>
    facts.print(name, () => JSON.stringify(args), () => structure(...args));
  output(SCHEMA_FILE, `${JSON.stringify(featureJsonSchema(), null, 2)}\n`);
  // Each bundle as written, checked as a whole against the limits the generated store loads it with.
  const bundleProblems: Problem[] = [];
  const bundleText = (file: string, json: JsonValue): string => {
    const text = `${JSON.stringify(json, null, 2)}\n`;
    const tooBig = bundleLimitProblem(display(options, join(options.outDir, file)), text, json, inputs.length);
    if (tooBig !== undefined) bundleProblems.push(tooBig);
    return text;
  };
  if (folded === undefined || declared === undefined) {
    output(BUNDLE_FILE, bundleText(BUNDLE_FILE, encodeBundle(Object.fromEntries(inputs.map((i) => [i.key, i.model])), jsonNote(featuresFolder))));
    output(`${STORE_MODULE}.ts`, printFrom(`${STORE_MODULE}.ts`, storeStructure, featuresFolder, options.runtimeImport, display(options, join(options.outDir, BUNDLE_FILE)), named, engine));
  } else {
    const bundles = declared.names.map((environment) => {
      const file = `${BUNDLES_FOLDER}/${environment}.json`;
      const byKey = folded.get(environment)!;
      output(file, bundleText(file, encodeBundle(Object.fromEntries(inputs.map((i) => [i.key, byKey.get(i.key)!])), jsonNote(featuresFolder), environment)));
      return { environment, file, shown: display(options, join(options.outDir, file)) };
    });
    output(`${STORE_MODULE}.ts`, printFrom(`${STORE_MODULE}.ts`, environmentStoreStructure, featuresFolder, options.runtimeImport, bundles, declared.default, named, engine));
  }
  if (bundleProblems.length > 0) throw new GenerationError(bundleProblems);
  output("index.ts", printFrom("index.ts", indexStructure, featuresFolder, named, declared !== undefined));
  if (options.openFeature) {
    const keyed = inputs.map((i) => ({ key: i.key, codec: i.valueType.codec }));
    output(OPENFEATURE_KEYS_FILE, printFrom(OPENFEATURE_KEYS_FILE, openFeatureKeysStructure, featuresFolder, keyed));
  }
  return { files, featureCount: inputs.length, featureFiles, inputs: dependencies, warnings };
}
