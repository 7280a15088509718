import type { FeatureModel } from "../../runtime/model/feature";
import { describeShares, hasRandomSplit } from "../pipeline/analysis/describe-shares";
import { trafficShares } from "../pipeline/analysis/shares";
import { describeRule } from "../vocabulary/describe-rule";
import { listFeatureFiles } from "../pipeline/feature-files";
import { shortJson } from "../output/emit/header";
import { loadFeaturesInWorker } from "../pipeline/load/in-worker";
import { display, type GenOptions } from "../cli/options";
import { GenerationError } from "../problems";

/** A feature explained for people: its rules, then its exact traffic shares per scenario. */
export function explainModel(key: string, model: FeatureModel, where: string | undefined): string[] {
  const lines = [`feature ${key}${where === undefined ? "" : ` (${where})`}`];
  if (model.description !== undefined) lines.push(`  ${model.description}`);
  lines.push("", "buckets, first match wins:");
  for (const b of model.buckets) lines.push(`  ${JSON.stringify(b.name)}: ${describeRule(b.classifier)} → ${shortJson(b.value)}`);
  lines.push(`  otherwise "default" → ${shortJson(model.default)}`, "");
  const analysis = trafficShares(model);
  const shares = describeShares(model);
  if (analysis === undefined || shares === undefined) {
    lines.push("traffic shares: too many conditions to enumerate exactly");
    return lines;
  }
  if (analysis.conditions.length > 0) {
    lines.push("conditions the shares depend on (each taken true and false):");
    analysis.conditions.forEach((c, i) => lines.push(`  ${i + 1}. ${describeRule(c.node)}`));
    lines.push("");
  }
  lines.push(hasRandomSplit(model) ? "traffic shares (exact):" : "traffic shares (no random split; each combination goes to one bucket):");
  lines.push(...shares.map((s) => `  ${s}`));
  return lines;
}

/** A feature found by key for `explain`, with where it is defined. */
export interface FoundFeature {
  readonly key: string;
  readonly model: FeatureModel;
  readonly where: string | undefined;
}

/** Loads the feature files (no type check) and finds one feature; a GenerationError names the keys when it is missing. */
export async function findFeature(options: GenOptions, key: string): Promise<FoundFeature> {
  const files = listFeatureFiles(options.featuresDir);
  const loaded = await loadFeaturesInWorker(options, files);
  const feature = loaded.features.find((f) => f.key === key);
  if (feature === undefined) {
    const problems = loaded.problems.map((p) => p.problem);
    const known = loaded.features.map((f) => f.key).sort();
    throw new GenerationError([
      ...problems,
      { where: display(options, options.featuresDir), message: `no feature ${JSON.stringify(key)}; the features are ${known.map((k) => JSON.stringify(k)).join(", ") || "none"}` },
    ]);
  }
  return { key, model: feature.model, where: feature.source === undefined ? undefined : `${feature.source.file}:${feature.source.line}` };
}

/** `explain <feature>`: loads the feature files (no type check) and explains one feature. */
export async function explainCommand(options: GenOptions, key: string): Promise<string[]> {
  const found = await findFeature(options, key);
  return explainModel(found.key, found.model, found.where);
}

/**
 * `explain --json`: the same as data. Rules are in readable form; each scenario gives every
 * bucket's exact share (0 to 1) for one truth assignment of the conditions; `shares` is null when
 * there are too many conditions to enumerate.
 */
export function explainJson(found: FoundFeature): unknown {
  const { key, model, where } = found;
  const analysis = trafficShares(model);
  return {
    feature: key,
    where: where ?? null,
    description: model.description ?? null,
    buckets: model.buckets.map((b) => ({ name: b.name, rule: describeRule(b.classifier), value: b.value })),
    default: model.default,
    shares:
      analysis === undefined
        ? null
        : {
            randomSplit: hasRandomSplit(model),
            conditions: analysis.conditions.map((c) => describeRule(c.node)),
            scenarios: analysis.scenarios.map((s) => ({ conditions: s.conditions, shares: Object.fromEntries(analysis.buckets.map((b, i) => [b, s.shares[i]])) })),
          },
  };
}
