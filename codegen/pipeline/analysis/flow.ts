import type { FeatureModel } from "../../../runtime/model/feature";
import { evaluateFormula, forEachLeaf, toFormula, type Formula } from "./formula";
import { cellsOf, MAX_CELLS, MAX_CONDITIONS, type Condition } from "./shares";

/** Where traffic went between two versions of a feature, in one scenario of the conditions. */
export interface FlowScenario {
  readonly conditions: readonly boolean[];
  /** Share of traffic per bucket before and after, by bucket name (`"default"` included). */
  readonly before: Readonly<Record<string, number>>;
  readonly after: Readonly<Record<string, number>>;
  /** Traffic that changed bucket: from a bucket of the old version to one of the new, with its share. */
  readonly moves: ReadonlyArray<{ readonly from: string; readonly to: string; readonly share: number }>;
}

/** Exact traffic movement between two versions of a feature. */
export interface FlowAnalysis {
  readonly conditions: readonly Condition[];
  readonly scenarios: readonly FlowScenario[];
}

/**
 * The exact share of traffic that moves from each bucket to each other one when a feature changes
 * from `before` to `after`. Both versions are evaluated on one joint grid of the random variables
 * (a threshold of either version cuts it), so a unit of traffic is followed from its old bucket to
 * its new one, not just counted on each side. Conditions of either version are enumerated together.
 *
 * @returns undefined when the two together have too many conditions or grid cells.
 */
export function trafficFlow(before: FeatureModel, after: FeatureModel): FlowAnalysis | undefined {
  const sides = [before, after].map((m) => m.buckets.map((b) => toFormula(b.classifier)));
  const names = [before, after].map((m) => [...m.buckets.map((b) => b.name), "default"]);
  const conditions: Condition[] = [];
  const bounds = new Map<string, Set<number>>();
  for (const formulas of sides)
    for (const formula of formulas)
      forEachLeaf(formula, (leaf) => {
        if (leaf.kind === "condition" && !conditions.some((c) => c.key === leaf.key)) conditions.push({ key: leaf.key, node: leaf.node });
        if (leaf.kind === "threshold") (bounds.get(leaf.test.variable) ?? bounds.set(leaf.test.variable, new Set()).get(leaf.test.variable)!).add(leaf.test.bound);
      });
  if (conditions.length > MAX_CONDITIONS) return undefined;
  const variables = [...bounds.keys()];
  const grids = variables.map((v) => cellsOf(bounds.get(v)!));
  if (grids.reduce((n, g) => n * g.length, 1) > MAX_CELLS) return undefined;
  const winner = (formulas: readonly Formula[], at: Parameters<typeof evaluateFormula>[1]) => {
    const i = formulas.findIndex((f) => evaluateFormula(f, at));
    return i < 0 ? formulas.length : i;
  };

  const scenarios: FlowScenario[] = [];
  for (let mask = 0; mask < 1 << conditions.length; mask++) {
    const truths = conditions.map((_, i) => (mask & (1 << i)) === 0);
    const at = { conditions: new Map(conditions.map((c, i) => [c.key, truths[i]!])), points: new Map<string, number>() };
    const flow = new Map<string, number>();
    const index = grids.map(() => 0);
    for (;;) {
      variables.forEach((v, i) => at.points.set(v, grids[i]![index[i]!]!.point));
      const weight = grids.reduce((w, g, i) => w * g[index[i]!]!.length, 1);
      const from = names[0]![winner(sides[0]!, at)]!;
      const to = names[1]![winner(sides[1]!, at)]!;
      const cell = `${JSON.stringify(from)}\u0000${JSON.stringify(to)}`;
      flow.set(cell, (flow.get(cell) ?? 0) + weight);
      let k = 0;
      while (k < grids.length && ++index[k]! === grids[k]!.length) index[k++] = 0;
      if (k === grids.length) break;
    }
    // Maps, not objects: a bucket may be named "__proto__".
    const beforeShares = new Map(names[0]!.map((n) => [n, 0]));
    const afterShares = new Map(names[1]!.map((n) => [n, 0]));
    const moves: { from: string; to: string; share: number }[] = [];
    for (const [cell, share] of flow) {
      const [from, to] = cell.split("\u0000").map((s) => JSON.parse(s) as string) as [string, string];
      beforeShares.set(from, beforeShares.get(from)! + share);
      afterShares.set(to, afterShares.get(to)! + share);
      if (from !== to && share > 0) moves.push({ from, to, share });
    }
    moves.sort((a, b) => b.share - a.share);
    scenarios.push({ conditions: truths, before: Object.fromEntries(beforeShares), after: Object.fromEntries(afterShares), moves });
  }
  return { conditions, scenarios };
}
