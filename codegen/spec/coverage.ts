import type { SpecCaseResult, SpecFeature } from "./run-specs";

/** What the cases of one feature reached. */
export interface FeatureCoverage {
  readonly feature: string;
  /** Buckets (`"default"` included) that no case landed in. */
  readonly unreachedBuckets: readonly string[];
  /** Rule nodes that the cases never saw both true and false, with what they did see. */
  readonly partialNodes: ReadonlyArray<{ readonly path: string; readonly rule: string; readonly seen: "only true" | "only false" | "never evaluated" }>;
  /** Covered outcomes over all outcomes: each bucket reached, and each node seen true and seen false. */
  readonly percent: number;
}

/**
 * Spec coverage per feature: which buckets no case reaches, and which rule nodes were never
 * evaluated both true and false (a condition that is only ever true is not tested as a condition).
 */
export function specCoverage(features: readonly SpecFeature[], cases: readonly SpecCaseResult[]): FeatureCoverage[] {
  return features.map((feature) => {
    const mine = cases.filter((c) => c.feature === feature.key);
    const reached = new Set(mine.map((c) => c.actual.bucket));
    const seen = new Map<string, Set<boolean>>();
    for (const c of mine) for (const [path, result] of c.outcomes) (seen.get(path) ?? seen.set(path, new Set()).get(path)!).add(result);
    const unreachedBuckets = feature.buckets.filter((b) => !reached.has(b));
    const partialNodes = feature.nodes.flatMap((node) => {
      const results = seen.get(node.path);
      if (results?.size === 2) return [];
      const what = results === undefined ? "never evaluated" : results.has(true) ? "only true" : "only false";
      return [{ path: node.path, rule: node.rule, seen: what } as const];
    });
    const total = feature.buckets.length + 2 * feature.nodes.length;
    const covered = feature.buckets.length - unreachedBuckets.length + feature.nodes.reduce((n, node) => n + (seen.get(node.path)?.size ?? 0), 0);
    return { feature: feature.key, unreachedBuckets, partialNodes, percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10 };
  });
}
