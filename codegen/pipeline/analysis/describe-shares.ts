import type { FeatureModel } from "../../../runtime/model/feature";
import { describeRule } from "../../vocabulary/describe-rule";
import { forEachLeaf, toFormula } from "./formula";
import { formatShare, trafficShares, type ShareAnalysis } from "./shares";

/** The condition truths of one scenario, in words: `hostname ~ /^len.+/ and not ctx.beta == true`. */
function scenarioText(analysis: ShareAnalysis, truths: readonly boolean[]): string {
  if (truths.length === 0) return "always";
  return truths.map((t, i) => `${t ? "" : "not "}${describeRule(analysis.conditions[i]!.node)}`).join(" and ");
}

/** True when some bucket tests a uniform random attribute, so shares say more than the rules do. */
export function hasRandomSplit(model: FeatureModel): boolean {
  let found = false;
  for (const bucket of model.buckets) forEachLeaf(toFormula(bucket.classifier), (leaf) => (found ||= leaf.kind === "threshold"));
  return found;
}

/**
 * Exact traffic shares as lines for people: one per scenario of the conditions analysis cannot
 * decide, each bucket with its share (buckets at 0% left out).
 *
 * @param limit at most this many scenarios; the rest are summarized in one line.
 * @returns undefined when the feature is too complex to enumerate.
 */
export function describeShares(model: FeatureModel, limit = Number.POSITIVE_INFINITY): string[] | undefined {
  const analysis = trafficShares(model);
  if (analysis === undefined) return undefined;
  const lines = analysis.scenarios.slice(0, limit).map((scenario) => {
    const shares = analysis.buckets.flatMap((bucket, i) => (scenario.shares[i]! > 0 ? [`${JSON.stringify(bucket)} ${formatShare(scenario.shares[i]!)}`] : []));
    return `when ${scenarioText(analysis, scenario.conditions)}: ${shares.join(", ")}`;
  });
  if (analysis.scenarios.length > limit) lines.push(`… and ${analysis.scenarios.length - limit} more combinations (\`offline-features explain\` lists them all)`);
  return lines;
}
