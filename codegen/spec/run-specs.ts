import { resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { FeatureModel } from "../../runtime/model/feature";
import { forEachNode } from "../../runtime/model/walk";
import type { EvaluationContext } from "../../runtime/evaluate/context";
import type { OfflineFeature } from "../../runtime/offline-feature";
import { evaluateWithTrace } from "../../runtime/evaluate/evaluate-with-trace";
import { describeRule } from "../vocabulary/describe-rule";
import { display, type GenOptions } from "../cli/options";
import { loadProblem } from "../pipeline/load/load-features";
import { at, type Problem } from "../problems";
import { renderTrace } from "../explain/render-trace";

/*
 * Runs spec files (`features/**\/*.spec.ts`) in the worker that loaded them: the cases evaluate the
 * live feature objects the spec imported, with traces, and only plain data goes back.
 */

/** One case's outcome. */
export interface SpecCaseResult {
  readonly feature: string;
  /** `features/test.spec.ts:3`, where `spec(...)` was called. */
  readonly where: string;
  readonly index: number;
  readonly name: string;
  readonly passed: boolean;
  readonly expected: { readonly bucket?: string; readonly value?: unknown };
  readonly actual: { readonly bucket: string; readonly value: unknown; readonly reason: string; readonly errors: readonly string[] };
  /** Why it got what it got: the trace as `eval --explain` prints it (failed cases only). */
  readonly explanation: readonly string[];
  /** Each rule node's result in this case, by JSON path (nodes not evaluated are absent). */
  readonly outcomes: ReadonlyArray<readonly [string, boolean]>;
}

/** What coverage needs of a feature a spec tests. */
export interface SpecFeature {
  readonly key: string;
  readonly buckets: readonly string[];
  readonly nodes: ReadonlyArray<{ readonly path: string; readonly rule: string }>;
}

/** Everything a run found. */
export interface SpecRun {
  readonly cases: SpecCaseResult[];
  readonly features: SpecFeature[];
  readonly problems: Problem[];
}

interface SpecLike {
  readonly kind: "offline-features/spec";
  readonly feature: OfflineFeature<unknown, string, EvaluationContext>;
  readonly cases: ReadonlyArray<{ name?: string; given?: EvaluationContext; percentile?: number; bucket?: string; value?: unknown }>;
  readonly source?: { readonly file: string; readonly line: number };
}

const isSpec = (value: unknown): value is SpecLike =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "offline-features/spec";

/** Loads each spec file and runs every spec it exports. A file that throws or exports no spec is a problem. */
export function runSpecs(options: GenOptions, files: readonly string[], load: (file: string) => unknown): SpecRun {
  const cases: SpecCaseResult[] = [];
  const features = new Map<string, SpecFeature>();
  const problems: Problem[] = [];
  for (const file of files) {
    let exports: Record<string, unknown>;
    try {
      exports = load(file) as Record<string, unknown>;
    } catch (e) {
      problems.push(loadProblem(options, file, e));
      continue;
    }
    const specs = Object.values(exports ?? {}).filter(isSpec);
    if (specs.length === 0) {
      problems.push({ where: at(display(options, file), 1), message: "exports no spec; export default spec(feature, [ … ])" });
      continue;
    }
    for (const spec of specs) {
      const key = spec.feature.key ?? "(feature without a key)";
      const model = spec.feature.model;
      if (!features.has(key)) features.set(key, { key, buckets: [...model.buckets.map((b) => b.name), "default"], nodes: nodesOf(model) });
      // The DSL records paths relative to the process's working folder; show them relative to the project.
      const where = spec.source === undefined ? display(options, file) : `${display(options, resolve(process.cwd(), spec.source.file))}:${spec.source.line}`;
      spec.cases.forEach((c, index) => cases.push(runCase(key, model, spec, c, index, where)));
    }
  }
  return { cases, features: [...features.values()], problems };
}

function runCase(key: string, model: FeatureModel, spec: SpecLike, c: SpecLike["cases"][number], index: number, where: string): SpecCaseResult {
  // A percentile pins both random attributes; a number the case gives explicitly wins.
  const given = { ...(c.percentile === undefined ? {} : { sessionRandom: c.percentile / 100, unitRandom: c.percentile / 100 }), ...(c.given ?? {}) };
  const traced = evaluateWithTrace(spec.feature, given);
  const bucketOk = c.bucket === undefined || c.bucket === traced.bucket;
  const valueOk = !("value" in c) || isDeepStrictEqual(JSON.parse(JSON.stringify(c.value ?? null)), JSON.parse(JSON.stringify(traced.value ?? null)));
  const passed = bucketOk && valueOk;
  const outcomes: [string, boolean][] = [];
  for (const bucket of traced.trace.buckets) for (const node of bucket.nodes) if (typeof node.result === "boolean") outcomes.push([node.path, node.result]);
  return {
    feature: key,
    where,
    index,
    name: c.name ?? `case ${index + 1} ${JSON.stringify(given)}`,
    passed,
    expected: { ...(c.bucket === undefined ? {} : { bucket: c.bucket }), ...("value" in c ? { value: c.value } : {}) },
    actual: { bucket: traced.bucket, value: traced.value, reason: traced.reason, errors: traced.errors.map(String) },
    explanation: passed ? [] : renderTrace(model, traced),
    outcomes,
  };
}

function nodesOf(model: FeatureModel): { path: string; rule: string }[] {
  const nodes: { path: string; rule: string }[] = [];
  model.buckets.forEach((bucket, i) => {
    const base = `buckets[${i}].classifier`;
    forEachNode(bucket.classifier, (node, relative) => nodes.push({ path: relative === "" ? base : `${base}.${relative}`, rule: describeRule(node) }));
  });
  return nodes;
}
