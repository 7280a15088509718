import { basename, extname, join, resolve } from "node:path";
import * as E from "fp-ts/Either";
import { StructureKind, VariableDeclarationKind, type CodeBlockWriter } from "ts-morph";
import { decodeFeature } from "../../runtime/decode/decode";
import { formatIssues } from "../../runtime/decode/reporter";
import { isDeepStrictEqual } from "node:util";
import type { FeatureModel } from "../../runtime/model/feature";
import { FEATURE_SETTINGS, SETTING_KEYS, type SettingMethod } from "../../runtime/model/feature-fields";
import type { JsonValue } from "../../runtime/model/json";
import type { FeatureBuilder } from "../../dsl/feature";
import { featureKeyProblem } from "../../runtime/model/feature-key";
import { readIfExists, writeFileAtomic } from "../../runtime/fs";
import { literal } from "../output/emit/literal";
import { keyFromFileName, variableName } from "../output/emit/names";
import { display, packageSpecifier, resolveGenOptions } from "../cli/options";
import { GenerationError, type Problem } from "../problems";
import { createEmitProject } from "../pipeline/ts-project";
import { renderRule, type UsedNames } from "./render-rule";

/** Options of `offline-features import`. */
export interface ImportOptions {
  readonly cwd?: string;
  /** The features folder to write into (default `features`). */
  readonly features?: string;
  /** The key, when importing one file (default: from the file name). */
  readonly key?: string;
  /** Overwrite an existing feature file. */
  readonly force?: boolean;
}

// Each setting's DSL method exists on the builder: a new setting without its method does not compile.
const settingMethodsExist: SettingMethod extends keyof FeatureBuilder<never, never, {}> ? true : never = true;
void settingMethodsExist;

/** The builder chain: `feature("test")`, then one call per line. */
function writeChain(w: CodeBlockWriter, key: string, model: FeatureModel, used: UsedNames): void {
  used.add("feature");
  w.write(`feature(${JSON.stringify(key)})`);
  // Continuation lines: the writer indents them one level inside an initializer.
  const call = (text: string) => w.newLine().write(text);
  // Every setting the feature field table lists, unless it has the value the model gets without it.
  for (const setting of SETTING_KEYS) {
    const value = model[setting];
    const field = FEATURE_SETTINGS[setting];
    if (value === undefined || isDeepStrictEqual(value, field.absent)) continue;
    const args = (field.dsl.args as (v: typeof value) => readonly JsonValue[])(value);
    call(`.${field.dsl.method}(${args.map((a) => literal(a)).join(", ")})`);
  }
  for (const b of model.buckets) call(`.bucket(${JSON.stringify(b.name)}, ${renderRule(b.classifier, used)}, ${literal(b.value)})`);
  call(`.default(${literal(model.default)})`);
}

/** The DSL source of one feature, emitted with ts-morph. */
export function featureSource(key: string, model: FeatureModel, from: string, dslImport: string): string {
  const project = createEmitProject();
  const used: UsedNames = new Set();
  const file = project.createSourceFile(`/${key}.ts`, {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [{ kind: StructureKind.JSDoc, description: `Imported from ${from} by \`offline-features import\`.` }],
        declarations: [{ name: variableName(key), initializer: (w) => writeChain(w, key, model, used) }],
      },
    ],
  });
  // The chain is written first so the import names exactly what it used (noUnusedLocals).
  file.insertImportDeclaration(0, { moduleSpecifier: dslImport, namedImports: [...used].sort() });
  return file.getFullText();
}

/**
 * `offline-features import`: turns PyOF JSON files (either form) into `features/<key>.ts`. All files
 * are read and checked before any is written; an existing feature file is kept unless `force`.
 * Returns the paths written.
 */
export function importPyof(files: readonly string[], options: ImportOptions = {}): string[] {
  const opts = resolveGenOptions({ ...(options.cwd === undefined ? {} : { cwd: options.cwd }), ...(options.features === undefined ? {} : { features: options.features }) });
  const problems: Problem[] = [];
  if (options.key !== undefined && files.length !== 1) problems.push({ message: `--key names one feature, but ${files.length} files were given` });
  const outputs = new Map<string, string>();
  for (const file of files) {
    const path = resolve(opts.cwd, file);
    const shown = display(opts, path);
    const text = readIfExists(path);
    if (text === undefined) {
      problems.push({ where: shown, message: "no such file" });
      continue;
    }
    const key = options.key ?? keyFromFileName(basename(file, extname(file)));
    const decoded = decodeFeature(text);
    if (E.isLeft(decoded)) {
      problems.push({ where: shown, message: `not a PyOF feature:\n${formatIssues(decoded.left.issues)}` });
      continue;
    }
    const keyProblem = featureKeyProblem(key);
    if (keyProblem !== undefined) {
      problems.push({ where: shown, message: keyProblem });
      continue;
    }
    const target = join(opts.featuresDir, `${key}.ts`);
    if (outputs.has(target)) problems.push({ where: shown, message: `another file given also imports as key "${key}"; pass the files one at a time with --key` });
    else if (!options.force && readIfExists(target) !== undefined) problems.push({ where: shown, message: `${display(opts, target)} exists; pass --force to overwrite it` });
    else outputs.set(target, featureSource(key, decoded.right, shown, packageSpecifier(opts.featuresDir, "dsl")));
  }
  if (problems.length > 0) throw new GenerationError(problems);
  for (const [target, source] of outputs) writeFileAtomic(target, source, false);
  return [...outputs.keys()];
}

