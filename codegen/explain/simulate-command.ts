import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/Either";
import type { FeatureModel } from "../../runtime/model/feature";
import type { Classifier } from "../../runtime/model/classifier";
import { forEachAttribute } from "../../runtime/model/walk";
import { OfflineFeature } from "../../runtime/offline-feature";
import type { EvaluationContext } from "../../runtime/evaluate/context";
import type { GenOptions } from "../cli/options";
import { contextKeyOf } from "../pipeline/type-read/context-type";
import { formatShare, trafficShares } from "../pipeline/analysis/shares";
import { loadBundleSource, loadProjectFeatures, parseContext, unknownFeature, type CommandOutcome } from "./eval-command";

/** What `simulate` was asked. */
export interface SimulateRequest {
  readonly feature: string;
  /** Samples per group (default 100,000). */
  readonly n?: number;
  readonly ctx?: string;
  /** A JSONL file of contexts, cycled through. */
  readonly contexts?: string;
  /** `attr=v1,v2`: one group per value (each parsed as JSON when it parses, else a string). */
  readonly vary?: string;
  readonly seed?: number;
  readonly json?: boolean;
  readonly source?: string;
  /** Draw bars with block characters (a terminal without NO_COLOR); plain `#` otherwise. */
  readonly fancy?: boolean;
}

interface Group {
  readonly vary: { readonly attribute: string; readonly value: unknown } | undefined;
  readonly counts: Record<string, number>;
  readonly exact: Record<string, number> | undefined;
}

const usage = (message: string): CommandOutcome => ({ exitCode: 2, stdout: [], stderr: [`offline-features simulate: ${message}`] });

/**
 * `offline-features simulate <feature>`: samples the distribution over buckets (a fresh session id
 * per sample, and fresh ids for the units that rollouts hash, unless the context pins them), and
 * puts the exact shares of the analysis next to the sampled ones.
 */
export async function simulateCommand(options: GenOptions, request: SimulateRequest): Promise<CommandOutcome> {
  const n = request.n ?? 100_000;
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) return usage(`--n must be a whole number from 1 to 10000000, found ${n}`);
  if (request.ctx !== undefined && request.contexts !== undefined) return usage("--ctx and --contexts do not go together");
  let bases: EvaluationContext[];
  if (request.contexts !== undefined) {
    try {
      bases = readFileSync(join(options.cwd, request.contexts), "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as EvaluationContext);
    } catch (e) {
      return usage(`cannot read --contexts ${request.contexts}: ${(e as Error).message}`);
    }
    if (bases.length === 0) return usage(`--contexts ${request.contexts} holds no context`);
  } else {
    const parsed = parseContext(request.ctx);
    if (E.isLeft(parsed)) return usage(parsed.left);
    bases = [parsed.right];
  }
  let vary: { attribute: string; values: unknown[] } | undefined;
  if (request.vary !== undefined) {
    const match = /^([^=]+)=(.+)$/.exec(request.vary);
    if (match === null) return usage(`--vary takes attr=v1,v2, found ${JSON.stringify(request.vary)}`);
    vary = { attribute: match[1]!, values: match[2]!.split(",").map(jsonOrString) };
  }
  const set = request.source === undefined ? await loadProjectFeatures(options) : await loadBundleSource(request.source, options.cwd);
  if (E.isLeft(set)) return { exitCode: 1, stdout: [], stderr: [`offline-features simulate: ${set.left}`] };
  const feature = set.right.features.get(request.feature);
  if (feature === undefined) return { exitCode: 1, stdout: [], stderr: [`offline-features simulate: ${unknownFeature(request.feature, set.right.features.keys())}`] };

  const units = unitKeys(feature.model);
  const seed = request.seed ?? 1;
  const groups: Group[] = (vary === undefined ? [undefined] : vary.values).map((value) => {
    const over = vary === undefined ? {} : { [vary.attribute]: value };
    const counts: Record<string, number> = Object.fromEntries([...feature.model.buckets.map((b) => b.name), "default"].map((b) => [b, 0]));
    for (let i = 0; i < n; i++) {
      const base = bases[i % bases.length]!;
      const id = `sim-${seed}-${i}`;
      const ctx: Record<string, unknown> = { ...base, ...over, sessionId: id };
      for (const unit of units) if (!Object.prototype.hasOwnProperty.call(base, unit)) ctx[unit] = id;
      const bucket = feature.evaluate(ctx as EvaluationContext).bucket;
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    return { vary: vary === undefined ? undefined : { attribute: vary.attribute, value }, counts, exact: exactShares(feature.model, bases.map((b) => ({ ...b, ...over }))) };
  });

  if (request.json === true) {
    const json = { feature: request.feature, n, seed, groups: groups.map((g) => ({ ...g, sampled: Object.fromEntries(Object.entries(g.counts).map(([b, c]) => [b, c / n])) })) };
    return { exitCode: 0, stdout: [JSON.stringify(json, null, 2)], stderr: [] };
  }
  const lines = [`simulate ${request.feature}: ${n} samples per group (seed ${seed})`];
  const width = Math.max(...Object.keys(groups[0]!.counts).map((b) => JSON.stringify(b).length));
  for (const g of groups) {
    lines.push("", g.vary === undefined ? "all samples:" : `${g.vary.attribute} = ${JSON.stringify(g.vary.value)}:`);
    for (const [bucket, count] of Object.entries(g.counts)) {
      const share = count / n;
      const filled = Math.round(share * 30);
      const bar = request.fancy === true ? `${"█".repeat(filled)}${"░".repeat(30 - filled)}` : `${"#".repeat(filled)}${".".repeat(30 - filled)}`;
      const exact = g.exact === undefined ? "exact: depends on conditions the context leaves open" : `exact ${formatShare(g.exact[bucket] ?? 0)}`;
      lines.push(`  ${JSON.stringify(bucket).padEnd(width)}  ${bar}  ${formatShare(share).padStart(7)}   ${exact}`);
    }
  }
  return { exitCode: 0, stdout: lines, stderr: [] };
}

function jsonOrString(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The context keys that rollouts hash (a random attribute's unit), to be drawn fresh per sample. */
function unitKeys(model: FeatureModel): string[] {
  const keys = new Set<string>();
  for (const bucket of model.buckets)
    forEachAttribute(bucket.classifier, (attribute) => {
      if (!("attribute" in attribute)) return;
      const unit = contextKeyOf(attribute.attribute as typeof attribute);
      if (unit !== undefined) keys.add(unit.name);
    });
  return [...keys];
}

/** The exact shares of the scenario the contexts select, when they all select the same one. */
function exactShares(model: FeatureModel, contexts: readonly EvaluationContext[]): Record<string, number> | undefined {
  const analysis = trafficShares(model);
  if (analysis === undefined) return undefined;
  const truths = (ctx: EvaluationContext) => analysis.conditions.map((c) => holds(c.node, ctx));
  const first = truths(contexts[0]!);
  if (first.some((t) => t === undefined) || contexts.some((ctx) => truths(ctx).some((t, i) => t !== first[i]))) return undefined;
  const scenario = analysis.scenarios.find((s) => s.conditions.every((t, i) => t === first[i]));
  return scenario === undefined ? undefined : Object.fromEntries(analysis.buckets.map((b, i) => [b, scenario.shares[i]!]));
}

function holds(node: Classifier, ctx: EvaluationContext): boolean | undefined {
  const probe = OfflineFeature.fromModel({ type: "offline-feature", python_versions: ["all"], buckets: [{ name: "yes", classifier: node, value: true }], default: false });
  const details = probe.evaluate(ctx);
  return details.errors.length > 0 ? undefined : details.bucket === "yes";
}
