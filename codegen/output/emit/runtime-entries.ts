import type { StatementStructures } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { FeatureModel } from "../../../runtime/model/feature";
import { forEachNodeUnpathed } from "../../../runtime/model/walk";
import { needsRegexEngine } from "../../../runtime/regex";

/*
 * Which runtime entries generated code imports. `--runtime-import` names the runtime (its folder,
 * or `offline-features/runtime`); generated modules import `<it>/lean`, the runtime without the
 * general regex engine, and the store adds `<it>/re2` (re2js, 150 KB minified) only when a feature
 * it serves holds a pattern outside the literal fast path. The generator sees every pattern it
 * emits, so an app whose features need no engine bundles none; a bundle loaded later with such a
 * pattern answers REGEX_ENGINE_MISSING for that bucket (runtime/regex/engine.ts).
 */

/** The specifier of the runtime without the general regex engine. */
export function leanRuntimeImport(runtimeImport: string): string {
  return `${runtimeImport}/lean`;
}

/** The specifier whose import installs re2js as the regex engine. */
export function regexEngineImport(runtimeImport: string): string {
  return `${runtimeImport}/re2`;
}

/** A pattern that needs the general engine, and the feature that holds it. */
export interface EnginePattern {
  readonly key: string;
  readonly pattern: string;
}

/** Every `re.match` pattern of `features` outside the literal fast path, in feature order. */
export function patternsNeedingEngine(features: ReadonlyArray<{ readonly key: string; readonly model: FeatureModel }>): readonly EnginePattern[] {
  const found: EnginePattern[] = [];
  for (const { key, model } of features) {
    for (const bucket of model.buckets) {
      forEachNodeUnpathed(bucket.classifier, (node) => {
        if (node.__type === "re.match" && needsRegexEngine(node.value)) found.push({ key, pattern: node.value });
      });
    }
  }
  return found;
}

/** How many patterns the store's comment names before it says "and N more". */
const NAMED_PATTERNS = 3;

/** The store's import of the engine, or nothing when no pattern needs it. */
export function engineImportStatements(runtimeImport: string, patterns: readonly EnginePattern[]): StatementStructures[] {
  if (patterns.length === 0) return [];
  // JSON.stringify leaves U+2028 and U+2029 as they are, and either would end the line comment.
  const shown = (pattern: string) => JSON.stringify(pattern).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const named = patterns.slice(0, NAMED_PATTERNS).map((p) => `${p.key} ${shown(p.pattern)}`);
  const more = patterns.length > NAMED_PATTERNS ? ` and ${patterns.length - NAMED_PATTERNS} more` : "";
  return [
    {
      kind: StructureKind.ImportDeclaration,
      leadingTrivia: `// re2js as the regex engine, for the patterns outside the literal fast path: ${named.join(", ")}${more}.\n`,
      moduleSpecifier: regexEngineImport(runtimeImport),
    },
  ];
}
