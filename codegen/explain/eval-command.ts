import { readFile } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import * as E from "fp-ts/Either";
import type { FeatureModel } from "../../runtime/model/feature";
import { OfflineFeature } from "../../runtime/offline-feature";
import { FeatureStore } from "../../runtime/store/store";
import { closest } from "../../runtime/decode/tagged-union";
import type { EvaluationContext } from "../../runtime/evaluate/context";
import type { TracedDetails } from "../../runtime/evaluate/trace";
import { evaluateWithTrace } from "../../runtime/evaluate/evaluate-with-trace";
import { contextKeys } from "../pipeline/type-read/context-type";
import { listFeatureFiles } from "../pipeline/feature-files";
import { loadFeaturesInWorker } from "../pipeline/load/in-worker";
import type { GenOptions } from "../cli/options";
import { formatOutcome, renderTrace, UNICODE_MARKS, type TraceMarks } from "./render-trace";

/** What a reporting command ends with: exit 0 done, 1 a failed check or lookup, 2 a usage error. */
export interface CommandOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

/** What `eval` was asked. */
export interface EvalRequest {
  readonly feature: string;
  /** The context as JSON text (`--ctx`); absent means `{}`. */
  readonly ctx?: string;
  readonly explain?: boolean;
  readonly json?: boolean;
  /** A bundle file or http(s) URL to evaluate instead of the project's features (`--source`). */
  readonly source?: string;
  readonly marks?: TraceMarks;
}

/** The features to evaluate, by key, as the runtime would hold them. */
export interface FeatureSet {
  readonly features: ReadonlyMap<string, OfflineFeature>;
  /** Where they came from, for messages. */
  readonly origin: string;
}

const usage = (message: string): CommandOutcome => ({ exitCode: 2, stdout: [], stderr: [`offline-features eval: ${message}`] });
const failure = (message: string): CommandOutcome => ({ exitCode: 1, stdout: [], stderr: [`offline-features eval: ${message}`] });

/** Parses `--ctx`: a JSON object, or a usage error naming what is wrong. */
export function parseContext(text: string | undefined): E.Either<string, EvaluationContext> {
  if (text === undefined) return E.right({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return E.left(`--ctx is not valid JSON (${(e as Error).message}): ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return E.left(`--ctx must be a JSON object like '{"country": "FR"}', found ${Array.isArray(parsed) ? "an array" : JSON.stringify(parsed)}`);
  return E.right(parsed as EvaluationContext);
}

/** Loads a bundle from a file or an http(s) URL into features. */
export async function loadBundleSource(source: string, cwd: string): Promise<E.Either<string, FeatureSet>> {
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) return E.left(`${source} answered HTTP ${response.status}`);
      text = await response.text();
    } else {
      text = await readFile(resolvePath(cwd, source), "utf8");
    }
  } catch (e) {
    return E.left(`cannot read ${source}: ${(e as Error).message}`);
  }
  const store = FeatureStore.fromBundle(text, source);
  if (E.isLeft(store)) return E.left(store.left.message);
  const features = new Map<string, OfflineFeature>();
  for (const key of store.right.keys()) features.set(key, store.right.resolve(key)!);
  return E.right({ features, origin: source });
}

/** Loads the project's feature files (no type check, like `explain`), prerequisites resolved among them. */
export async function loadProjectFeatures(options: GenOptions): Promise<E.Either<string, FeatureSet>> {
  const loaded = await loadFeaturesInWorker(options, listFeatureFiles(options.featuresDir));
  if (loaded.problems.length > 0) return E.left(loaded.problems.map((p) => `${p.problem.where}: ${p.problem.message}`).join("\n"));
  return E.right({ features: featuresOf(new Map(loaded.features.map((f) => [f.key, f.model]))), origin: options.featuresDir });
}

/** Compiles models into features that resolve prerequisites among themselves. */
export function featuresOf(models: ReadonlyMap<string, FeatureModel>): ReadonlyMap<string, OfflineFeature> {
  const features = new Map<string, OfflineFeature>();
  const resolve = (key: string) => features.get(key);
  for (const [key, model] of models) features.set(key, OfflineFeature.fromModel(model, { key, resolve }));
  return features;
}

/** An unknown key's message: the closest known key, or the list. */
export function unknownFeature(key: string, known: Iterable<string>): string {
  const keys = [...known].sort();
  const near = closest(key, keys);
  return `no feature ${JSON.stringify(key)}${near === undefined ? `; the features are ${keys.map((k) => JSON.stringify(k)).join(", ") || "none"}` : `; did you mean ${JSON.stringify(near)}?`}`;
}

/**
 * `offline-features eval <feature> --ctx JSON [--explain] [--json] [--source PATH|URL]`: the value,
 * bucket and reason a context gets; with `--explain`, why, node by node.
 */
export async function evalCommand(options: GenOptions, request: EvalRequest): Promise<CommandOutcome> {
  const ctx = parseContext(request.ctx);
  if (E.isLeft(ctx)) return usage(ctx.left);
  const set = request.source === undefined ? await loadProjectFeatures(options) : await loadBundleSource(request.source, options.cwd);
  if (E.isLeft(set)) return failure(set.left);
  const feature = set.right.features.get(request.feature);
  if (feature === undefined) return failure(unknownFeature(request.feature, set.right.features.keys()));
  const required = contextKeys(feature.model, (k) => set.right.features.get(k)?.model);
  const missing = required.filter(([name]) => !Object.prototype.hasOwnProperty.call(ctx.right, name));
  if (missing.length > 0) {
    return usage(`feature ${JSON.stringify(request.feature)} reads ${missing.map(([name, type]) => `"${name}" (${type})`).join(", ")}, missing from --ctx`);
  }
  const traced = evaluateWithTrace(feature, ctx.right);
  return { exitCode: 0, stdout: request.json === true ? [JSON.stringify(detailsJson(traced, request.explain === true), null, 2)] : humanLines(request, feature.model, traced), stderr: [] };
}

function humanLines(request: EvalRequest, model: FeatureModel, traced: TracedDetails<unknown>): string[] {
  const lines = [formatOutcome(request.feature, traced)];
  for (const error of traced.errors) lines.push(`  error in bucket ${JSON.stringify(error.bucket)}: ${String(error)}`);
  if (request.explain === true) lines.push("", ...renderTrace(model, traced, request.marks ?? UNICODE_MARKS));
  return lines;
}

/** The details as plain JSON (errors as `{ code, bucket, path, message }`), the trace with `--explain`. */
export function detailsJson(traced: TracedDetails<unknown>, withTrace: boolean): unknown {
  const { trace, errors, ...rest } = traced;
  return { ...rest, errors: errors.map((e) => ({ code: e.code, bucket: e.bucket, path: e.path, message: e.message })), ...(withTrace ? { trace } : {}) };
}
