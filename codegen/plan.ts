import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "ts-morph";
import { encodeBundle } from "../runtime/store/bundle";
import { FeatureC } from "../runtime/model/feature";
import { contextKeys } from "./context-type";
import { featureFileDiagnostics } from "./diagnostics";
import { accessorStructure, localNames, STORE_MODULE, type AccessorInput } from "./emit/accessor";
import { jsonNote } from "./emit/header";
import { BUNDLE_FILE, indexStructure, storeStructure } from "./emit/modules";
import { listFeatureFiles } from "./files";
import { loadFeatures, type LoadedFeature } from "./load";
import { accessorNames, pascalCase } from "./names";
import { display, type GenOptions } from "./options";
import { at, GenerationError, type Problem } from "./problems";
import { createProject } from "./project";
import { valueTypeOf } from "./value-type";

/** Keys whose files would collide with the generator's own. */
const RESERVED_KEYS = new Map([
  ["index", "index.ts"],
  ["features", BUNDLE_FILE],
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
}

function whereOf(options: GenOptions, f: LoadedFeature): string {
  return f.source === undefined ? at(display(options, f.file), 1) : at(f.source.file, f.source.line);
}

/** Unique keys, keys that do not take the generator's file names, and getter names that do not clash. */
function checkKeys(options: GenOptions, features: readonly LoadedFeature[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, LoadedFeature>();
  const byName = new Map<string, LoadedFeature>();
  for (const f of features) {
    const reserved = RESERVED_KEYS.get(f.key);
    if (reserved !== undefined) {
      problems.push({ where: whereOf(options, f), message: `the feature key "${f.key}" is reserved: the generator writes ${reserved} itself; choose another key` });
      continue;
    }
    const first = byKey.get(f.key);
    if (first !== undefined) {
      problems.push({ where: whereOf(options, f), message: `duplicate feature key "${f.key}": also defined at ${whereOf(options, first)} (keys are unique across the project)` });
      continue;
    }
    byKey.set(f.key, f);
    const name = pascalCase(f.key);
    const clash = byName.get(name);
    if (clash !== undefined) {
      problems.push({
        where: whereOf(options, f),
        message: `feature key "${f.key}" gives the same generated names (get${name}) as "${clash.key}" at ${whereOf(options, clash)}; rename one`,
      });
      continue;
    }
    byName.set(name, f);
  }
  return problems;
}

/** Prints one structure as a file of the out folder, in the run's project. */
function print(project: Project, options: GenOptions, name: string, structure: Parameters<Project["createSourceFile"]>[1]): string {
  return project.createSourceFile(join(options.outDir, name), structure, { overwrite: true }).getFullText();
}

/**
 * Generates every output in memory: type-checks the feature files, runs them, reads their value
 * types, and prints JSON and modules. Throws a {@link GenerationError} listing every problem found;
 * nothing is written either way.
 */
export function generateInMemory(options: GenOptions): Generated {
  if (!existsSync(options.featuresDir) || !statSync(options.featuresDir).isDirectory()) {
    throw new GenerationError([{ where: display(options, options.featuresDir), message: "the features folder does not exist; pass --features DIR" }]);
  }
  const featureFiles = listFeatureFiles(options.featuresDir);
  const project = createProject(options.featuresDir);
  const sources = featureFiles.map((f) => project.addSourceFileAtPath(f));
  const diagnostics = featureFileDiagnostics(options, project, sources);
  const loaded = loadFeatures(options, featureFiles, diagnostics.failed);
  const problems: Problem[] = [...diagnostics.problems, ...loaded.problems, ...checkKeys(options, loaded.features)];
  if (problems.length > 0) throw new GenerationError(problems);

  const features = [...loaded.features].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inputs: AccessorInput[] = [];
  features.forEach((f, i) => {
    options.onProgress?.("reading types", i + 1, features.length);
    const names = accessorNames(f.key);
    const context = contextKeys(f.model);
    const valueType = valueTypeOf(options, project, f, localNames(names));
    if ("conflict" in context) problems.push({ where: whereOf(options, f), message: context.conflict });
    if ("message" in valueType) problems.push(valueType);
    if ("conflict" in context || "message" in valueType) return;
    inputs.push({
      key: f.key,
      model: f.model,
      names,
      valueType,
      context: context.keys,
      file: display(options, f.file),
      source: whereOf(options, f),
      runtimeImport: options.runtimeImport,
    });
  });
  if (problems.length > 0) throw new GenerationError(problems);
  // Everything the checker read: the cache must notice a change to any of it.
  const dependencies = project
    .getSourceFiles()
    .map((s) => s.getFilePath() as string)
    .filter((p) => !p.split("/").includes("node_modules"));

  const files = new Map<string, string>();
  const featuresFolder = `${display(options, options.featuresDir)}/`;
  inputs.forEach((input, i) => {
    options.onProgress?.("emitting", i + 1, inputs.length);
    files.set(`${input.key}.json`, `${JSON.stringify(FeatureC.encode(input.model), null, 2)}\n`);
    files.set(`${input.key}.ts`, print(project, options, `${input.key}.ts`, accessorStructure(input)));
  });
  const models = Object.fromEntries(inputs.map((i) => [i.key, i.model]));
  files.set(BUNDLE_FILE, `${JSON.stringify(encodeBundle(models, jsonNote(featuresFolder)), null, 2)}\n`);
  files.set(`${STORE_MODULE}.ts`, print(project, options, `${STORE_MODULE}.ts`, storeStructure(featuresFolder, options.runtimeImport, display(options, join(options.outDir, BUNDLE_FILE)))));
  files.set("index.ts", print(project, options, "index.ts", indexStructure(featuresFolder, inputs)));
  return { files, featureCount: inputs.length, featureFiles, inputs: dependencies };
}
