import { isDeepStrictEqual } from "node:util";
import type { FeatureModel } from "../../runtime/model/feature";
import { SETTING_KEYS } from "../../runtime/model/feature-fields";
import { describeRule } from "../vocabulary/describe-rule";
import { shortJson } from "../output/emit/header";
import { trafficFlow } from "../pipeline/analysis/flow";
import { formatShare } from "../pipeline/analysis/shares";

/** One change to a feature's definition, in words. */
export type DefinitionChange = string;

/** What moved in one scenario of the conditions the shares depend on. */
export interface ShareDelta {
  /** `hostname ~ /^len.+/ and not ctx.beta == true`, or `always`. */
  readonly when: string;
  /** Buckets whose share changed: `{ bucket, before, after }` (shares in [0, 1]). */
  readonly shares: ReadonlyArray<{ readonly bucket: string; readonly before: number; readonly after: number }>;
  /** Traffic that changed bucket, largest first. */
  readonly moves: ReadonlyArray<{ readonly from: string; readonly to: string; readonly share: number }>;
}

/** A feature that exists on both sides and differs. */
export interface FeatureDiff {
  readonly key: string;
  readonly changes: readonly DefinitionChange[];
  /** Exact traffic deltas per scenario; undefined when too complex to enumerate. */
  readonly traffic: readonly ShareDelta[] | undefined;
}

/** Two sets of features compared. */
export interface FeaturesDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly FeatureDiff[];
}

/** Compares the features of two versions by key: added, removed, and for each changed one what and how traffic moves. */
export function compareFeatures(before: ReadonlyMap<string, FeatureModel>, after: ReadonlyMap<string, FeatureModel>): FeaturesDiff {
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  const added = sorted([...after.keys()].filter((k) => !before.has(k)));
  const removed = sorted([...before.keys()].filter((k) => !after.has(k)));
  const changed: FeatureDiff[] = [];
  for (const key of sorted(after.keys())) {
    const old = before.get(key);
    const now = after.get(key)!;
    if (old === undefined || isDeepStrictEqual(old, now)) continue;
    changed.push({ key, changes: definitionChanges(old, now), traffic: trafficDeltas(old, now) });
  }
  return { added, removed, changed };
}

function definitionChanges(old: FeatureModel, now: FeatureModel): string[] {
  const changes: string[] = [];
  const oldNames = old.buckets.map((b) => b.name);
  const newNames = now.buckets.map((b) => b.name);
  for (const b of now.buckets) if (!oldNames.includes(b.name)) changes.push(`bucket ${JSON.stringify(b.name)} added: ${describeRule(b.classifier)} → ${shortJson(b.value)}`);
  for (const b of old.buckets) if (!newNames.includes(b.name)) changes.push(`bucket ${JSON.stringify(b.name)} removed (was ${describeRule(b.classifier)} → ${shortJson(b.value)})`);
  for (const b of now.buckets) {
    const was = old.buckets.find((o) => o.name === b.name);
    if (was === undefined) continue;
    if (!isDeepStrictEqual(was.classifier, b.classifier)) changes.push(`bucket ${JSON.stringify(b.name)} rule: ${describeRule(was.classifier)} → ${describeRule(b.classifier)}`);
    if (!isDeepStrictEqual(was.value, b.value)) changes.push(`bucket ${JSON.stringify(b.name)} value: ${shortJson(was.value)} → ${shortJson(b.value)}`);
  }
  const common = newNames.filter((n) => oldNames.includes(n));
  if (!isDeepStrictEqual(common, oldNames.filter((n) => newNames.includes(n)))) changes.push(`bucket order: ${oldNames.map((n) => JSON.stringify(n)).join(", ")} → ${newNames.map((n) => JSON.stringify(n)).join(", ")}`);
  if (!isDeepStrictEqual(old.default, now.default)) changes.push(`default: ${shortJson(old.default)} → ${shortJson(now.default)}`);
  for (const field of SETTING_KEYS) {
    if (!isDeepStrictEqual(old[field], now[field])) changes.push(`${field}: ${shortJson(old[field] ?? null)} → ${shortJson(now[field] ?? null)}`);
  }
  return changes;
}

function trafficDeltas(old: FeatureModel, now: FeatureModel): ShareDelta[] | undefined {
  const flow = trafficFlow(old, now);
  if (flow === undefined) return undefined;
  const deltas: ShareDelta[] = [];
  for (const scenario of flow.scenarios) {
    const buckets = [...new Set([...Object.keys(scenario.before), ...Object.keys(scenario.after)])];
    const shares = buckets
      .map((bucket) => ({ bucket, before: scenario.before[bucket] ?? 0, after: scenario.after[bucket] ?? 0 }))
      .filter((s) => Math.abs(s.before - s.after) > 1e-12);
    if (shares.length === 0 && scenario.moves.length === 0) continue;
    const when = scenario.conditions.length === 0 ? "always" : scenario.conditions.map((t, i) => `${t ? "" : "not "}${describeRule(flow.conditions[i]!.node)}`).join(" and ");
    deltas.push({ when, shares, moves: scenario.moves });
  }
  return deltas;
}

/** A diff as lines for people (also the body of `--markdown`, indented as a list). */
export function diffLines(diff: FeaturesDiff): string[] {
  const lines: string[] = [];
  for (const key of diff.added) lines.push(`+ ${key}: added`);
  for (const key of diff.removed) lines.push(`- ${key}: removed`);
  for (const feature of diff.changed) {
    lines.push(`~ ${feature.key}`);
    for (const change of feature.changes) lines.push(`    ${change}`);
    if (feature.traffic === undefined) lines.push("    traffic: too many conditions to compare exactly");
    else if (feature.traffic.length === 0) lines.push("    traffic: no share moves");
    for (const delta of feature.traffic ?? []) {
      lines.push(`    traffic when ${delta.when}:`);
      for (const s of delta.shares) lines.push(`      ${JSON.stringify(s.bucket)} ${formatShare(s.before)} → ${formatShare(s.after)}`);
      for (const m of delta.moves) lines.push(`      ${formatShare(m.share)} moves ${JSON.stringify(m.from)} → ${JSON.stringify(m.to)}`);
    }
  }
  return lines;
}
