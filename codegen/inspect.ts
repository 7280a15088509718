import type { FeatureModel } from "../runtime/model/feature";
import { featureJsonSchema } from "../runtime/schema";
import { describeShares, hasRandomSplit } from "./analysis/describe-shares";
import { trafficShares } from "./analysis/shares";
import { describeRule } from "./describe-rule";
import { listFeatureFiles } from "./files";
import { shortJson } from "./emit/header";
import { loadFeaturesInWorker } from "./load-worker";
import { generateInMemory } from "./plan";
import { display, type GenOptions } from "./cli/options";
import { formatProblems, GenerationError } from "./problems";

/*
 * The commands that look at features without writing: `lint`, `explain <feature>` and `schema`.
 */

/**
 * `lint`: everything `gen` checks (compile errors, definitions, keys, static checks), writing
 * nothing. Resolves to the lines to print and whether the features passed.
 */
export async function lintCommand(options: GenOptions): Promise<{ ok: boolean; lines: string[] }> {
  try {
    const generated = await generateInMemory(options);
    const warnings = generated.warnings.map((w) => formatProblems([w]));
    const summary = `${generated.featureCount} feature${generated.featureCount === 1 ? "" : "s"} checked: no errors${warnings.length === 0 ? ", no warnings" : `, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}`}`;
    return { ok: true, lines: [...warnings, summary] };
  } catch (e) {
    if (e instanceof GenerationError) return { ok: false, lines: [e.message] };
    throw e;
  }
}

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

/** `explain <feature>`: loads the feature files (no type check) and explains one feature. */
export async function explainCommand(options: GenOptions, key: string): Promise<string[]> {
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
  return explainModel(key, feature.model, feature.source === undefined ? undefined : `${feature.source.file}:${feature.source.line}`);
}

/** `schema`: the JSON Schema of the feature format, as text. */
export function schemaText(): string {
  return JSON.stringify(featureJsonSchema(), null, 2);
}
