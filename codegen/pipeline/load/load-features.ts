// Feature files are decoded here (in a worker thread too): re2js as the regex engine, so gen checks every pattern.
import "../../../runtime/re2";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type * as TypeScript from "typescript";
import * as E from "fp-ts/Either";
import { FeatureC, type FeatureModel } from "../../../runtime/model/feature";
import { reportIssues, formatIssues } from "../../../runtime/decode/reporter";
import { OfflineFeature } from "../../../runtime/offline-feature";
import { display, type GenOptions } from "../../cli/options";
import { at, type Problem } from "../../problems";
import { DECLARATION_KIND } from "../../../dsl/environment";

/** A feature found in a feature file's exports. */
export interface LoadedFeature {
  readonly key: string;
  readonly model: FeatureModel;
  /** The module that exports it (absolute path). */
  readonly file: string;
  /** The export's name (`default` for a default export). */
  readonly exportName: string;
  /** Where `feature(...)` was called, relative to the project root, when known. */
  readonly source: { readonly file: string; readonly line: number } | undefined;
  /** Where each `.bucket(...)` was called, by bucket name, when known (for lint messages). */
  readonly bucketSources: Readonly<Record<string, { readonly file: string; readonly line: number }>>;
}

/** What an exported value must look like to be a feature, when `instanceof` cannot tell. */
interface FeatureLike {
  readonly key: unknown;
  readonly model: unknown;
  readonly source: unknown;
  readonly dumps: unknown;
  readonly evaluate: unknown;
}

/**
 * True for an {@link OfflineFeature}. The feature file may have loaded another copy of the runtime
 * (another module registry, a second install), so the shape is checked too.
 */
export function isFeature(value: unknown): value is FeatureLike {
  if (value instanceof OfflineFeature) return true;
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<FeatureLike>;
  return typeof v.dumps === "function" && typeof v.evaluate === "function" && typeof v.model === "object" && v.model !== null && (v.model as { type?: unknown }).type === "offline-feature";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What a thrown value looks like (any value can be thrown, and an Error from another copy of a module is still one). */
interface Thrown {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly where?: { readonly source?: { readonly file: string; readonly line: number } };
}

/** The line of `file` in an error's stack (the feature file's own frame), if any. */
function lineInStack(stack: string, file: string): number | undefined {
  const match = new RegExp(`${escapeRegExp(file)}:(\\d+)(?::\\d+)?`).exec(stack);
  return match === null ? undefined : Number(match[1]);
}

/** A problem for a feature file that threw while loading: where, from the stack or the DSL's own location. */
export function loadProblem(options: GenOptions, file: string, error: unknown): Problem {
  const shown = display(options, file);
  const thrown = (typeof error === "object" && error !== null ? error : {}) as Thrown;
  if (typeof thrown.message !== "string") return { where: at(shown, undefined), message: `threw ${String(error)}` };
  const name = typeof thrown.name === "string" ? thrown.name : "Error";
  // ts-node's compile errors: "features/x.ts(3,5): error TS1005: ';' expected."
  const compile = /\((\d+),\d+\): error (TS\d+): ([^\n]*)/.exec(thrown.message);
  if (name === "TSError" && compile !== null) {
    return { where: at(shown, Number(compile[1])), message: `${compile[2]}: ${compile[3]}` };
  }
  // The DSL's DefinitionError names its own place ("features/x.ts:12: feature "x": …"): keep it, once.
  const where = thrown.where?.source;
  if (name === "DefinitionError" && where !== undefined) {
    const place = at(display(options, resolve(process.cwd(), where.file)), where.line);
    return { where: place, message: thrown.message.replace(/^[^\s:]+:\d+: /, "") };
  }
  return { where: at(shown, lineInStack(typeof thrown.stack === "string" ? thrown.stack : "", file)), message: `${name}: ${thrown.message}` };
}

/** A problem, with the feature file it belongs to (the generator prefers compile errors for a file). */
export interface FileProblem {
  readonly file: string;
  readonly problem: Problem;
}

/** An exported `environments([...])` declaration, as plain data. */
export interface LoadedEnvironments {
  readonly names: readonly string[];
  readonly default: string | undefined;
  /** `features/environments.ts:3`. */
  readonly where: string;
}

/** What loading found. */
export interface LoadResult {
  readonly features: LoadedFeature[];
  readonly problems: FileProblem[];
  /**
   * Every module the run loaded outside node_modules (feature files and all they import), as
   * absolute paths; set by the worker thread, which sees its own module registry.
   */
  readonly loadedModules?: readonly string[];
  /** Every environments declaration exported (a project has at most one). */
  readonly environments: LoadedEnvironments[];
}

/** True for the value `environments([...])` returns (checked by shape: the runtime may be another copy). */
function isEnvironmentDeclaration(value: unknown): value is { readonly names: readonly string[]; readonly default?: unknown; readonly source?: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown; names?: unknown };
  return v.kind === DECLARATION_KIND && Array.isArray(v.names) && v.names.every((n) => typeof n === "string");
}

/** What one feature file gave: its features, its problems and its environments declarations. */
export interface FileLoad {
  readonly features: readonly LoadedFeature[];
  readonly problems: readonly FileProblem[];
  readonly environments: readonly LoadedEnvironments[];
}

/**
 * Runs one feature file (through `load`) and collects its exported features. A file that throws
 * or exports nothing is a problem. What it gives depends only on the file and the modules it
 * loads, so `gen --watch` keeps it while none of those change.
 */
export function loadFeatureFile(options: GenOptions, file: string, load: (file: string) => unknown): FileLoad {
  const features: LoadedFeature[] = [];
  const problems: FileProblem[] = [];
  const environments: LoadedEnvironments[] = [];
  let exports: Record<string, unknown>;
  try {
    exports = load(file) as Record<string, unknown>;
  } catch (e) {
    return { features, problems: [{ file, problem: loadProblem(options, file, e) }], environments };
  }
  const seen = new Set<unknown>();
  for (const [exportName, value] of Object.entries(exports ?? {})) {
    if (isEnvironmentDeclaration(value) && !seen.has(value)) {
      seen.add(value);
      const source = sourceOf(options, value.source);
      const where = source === undefined ? at(display(options, file), 1) : at(source.file, source.line);
      environments.push({ names: [...value.names], default: typeof value.default === "string" ? value.default : undefined, where });
      continue;
    }
    if (!isFeature(value) || seen.has(value)) continue;
    seen.add(value);
    const found = collect(options, file, exportName, value);
    if ("message" in found) problems.push({ file, problem: found });
    else features.push(found);
  }
  // Rules, constants and types may sit beside features (segments live where users look for
  // them); only a file that exports nothing at all, at run time or as a type, is a mistake.
  if (seen.size === 0 && Object.keys(exports ?? {}).length === 0 && !declaresExports(file)) {
    problems.push({
      file,
      problem: { where: at(display(options, file), 1), message: "exports nothing; export a feature (the result of feature(...).default(...)), or the rules, constants and types the features share" },
    });
  }
  return { features, problems, environments };
}

/** The files' loads as one result, in the order of `files` (the order a run reports them in). */
export function combineLoads(files: readonly string[], loadOf: (file: string) => FileLoad): LoadResult {
  const features: LoadedFeature[] = [];
  const problems: FileProblem[] = [];
  const environments: LoadedEnvironments[] = [];
  for (const file of files) {
    const one = loadOf(file);
    features.push(...one.features);
    problems.push(...one.problems);
    environments.push(...one.environments);
  }
  return { features, problems, environments };
}

/**
 * Runs each feature file and collects its exported features. A file that throws or exports no
 * feature is a problem; the other files still load, so one run reports every problem. It runs in
 * a worker thread (see in-worker.ts), so each run starts from a fresh module registry.
 */
export function loadFeatures(options: GenOptions, files: readonly string[], load: (file: string) => unknown): LoadResult {
  let done = 0;
  return combineLoads(files, (file) => {
    options.onProgress?.("loading", ++done, files.length);
    return loadFeatureFile(options, file, load);
  });
}

/**
 * Whether the file's source has an export (a type-only one included, which leaves no trace at run
 * time). Parsing only, no type checking: it costs a fraction of what running the file did.
 */
function declaresExports(file: string): boolean {
  // Required here, not imported: the worker then loads TypeScript only for a file that exports nothing.
  const ts = require("typescript") as typeof TypeScript;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return false;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  // `export {}` only marks the file as a module; it exports nothing.
  const exportsSomething = (s: TypeScript.Statement) =>
    ts.isExportDeclaration(s)
      ? s.exportClause === undefined || !ts.isNamedExports(s.exportClause) || s.exportClause.elements.length > 0
      : ts.isExportAssignment(s) || (ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
  return source.statements.some(exportsSomething);
}

function collect(options: GenOptions, file: string, exportName: string, value: FeatureLike): LoadedFeature | Problem {
  const source = sourceOf(options, value.source);
  const where = source === undefined ? at(display(options, file), 1) : at(source.file, source.line);
  if (typeof value.key !== "string") return { where, message: `export "${exportName}" is a feature without a key; build it with feature("key")` };
  // The model is read back from the feature's canonical JSON: the generated files then follow the
  // canonical form (sorted object keys) whichever copy of the runtime built the feature.
  let model: unknown;
  try {
    model = JSON.parse(String((value.dumps as () => unknown).call(value)));
  } catch (e) {
    return { where, message: `feature "${value.key}" could not be serialized: ${String(e)}` };
  }
  const checked = FeatureC.decode(model);
  if (E.isLeft(checked)) return { where, message: `feature "${value.key}" is not a valid model:\n${formatIssues(reportIssues(checked.left))}` };
  const bucketSources: Record<string, { file: string; line: number }> = {};
  const given = (value as { bucketSources?: unknown }).bucketSources;
  if (typeof given === "object" && given !== null) {
    for (const [name, where] of Object.entries(given)) {
      const located = sourceOf(options, where);
      if (located !== undefined) bucketSources[name] = located;
    }
  }
  return { key: value.key, model: checked.right, file, exportName, source, bucketSources };
}

function sourceOf(options: GenOptions, source: unknown): LoadedFeature["source"] {
  if (typeof source !== "object" || source === null) return undefined;
  const { file, line } = source as { file?: unknown; line?: unknown };
  if (typeof file !== "string" || typeof line !== "number") return undefined;
  // The DSL records paths relative to the process's working folder; show them relative to the project.
  return { file: display(options, resolve(process.cwd(), file)), line };
}
