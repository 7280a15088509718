import type { Classifier } from "../../../runtime/model/classifier";
import type { FeatureModel } from "../../../runtime/model/feature";
import { evaluateFormula, forEachLeaf, toFormula, type Formula } from "./formula";

/** A condition analysis cannot decide (it reads the host or the request), in order of first use. */
export interface Condition {
  readonly key: string;
  readonly node: Classifier;
}

/** The exact share of traffic per bucket (the last is `"default"`), given each condition's truth. */
export interface Scenario {
  readonly conditions: readonly boolean[];
  readonly shares: readonly number[];
}

/** Exact traffic shares of a feature, per combination of the conditions it cannot decide. */
export interface ShareAnalysis {
  readonly buckets: readonly string[];
  readonly conditions: readonly Condition[];
  readonly scenarios: readonly Scenario[];
}

/** Above this many undecidable conditions, shares are not enumerated (2^n scenarios). */
export const MAX_CONDITIONS = 10;
/** Above this many cells of the random variables' joint grid, shares are not computed. */
export const MAX_CELLS = 200_000;

interface Cell {
  readonly point: number;
  readonly length: number;
}

/** The intervals of [0, 1) between a variable's thresholds: one sample point and a length each (the share analyses use it). */
export function cellsOf(bounds: ReadonlySet<number>): Cell[] {
  const cuts = [0, ...[...bounds].filter((b) => b > 0 && b < 1).sort((a, b) => a - b), 1];
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [lo, hi] = [cuts[i]!, cuts[i + 1]!];
    // A threshold point itself has probability zero; the midpoint stands for the open interval.
    if (hi > lo) cells.push({ point: (lo + hi) / 2, length: hi - lo });
  }
  return cells;
}

/**
 * Each model's analysis, once: models are immutable, and a watch session keeps those of unchanged
 * files from run to run (lint analyses all 1,000 features of bench/gen's project every run).
 */
const analyses = new WeakMap<FeatureModel, { readonly analysis: ShareAnalysis | undefined }>();

/**
 * Computes the share of traffic each bucket gets. Thresholds on uniform random attributes have
 * exact probabilities, so this is exact rather than sampled; each distinct random attribute is an
 * independent variable. Conditions on the host or request are enumerated true/false and listed.
 *
 * @returns undefined when the feature has more than {@link MAX_CONDITIONS} conditions or its random
 *   grid exceeds {@link MAX_CELLS} cells.
 */
export function trafficShares(model: FeatureModel): ShareAnalysis | undefined {
  let known = analyses.get(model);
  if (known === undefined) analyses.set(model, (known = { analysis: analyze(model) }));
  return known.analysis;
}

function analyze(model: FeatureModel): ShareAnalysis | undefined {
  const formulas: Formula[] = model.buckets.map((b) => toFormula(b.classifier));
  const conditions: Condition[] = [];
  const bounds = new Map<string, Set<number>>();
  for (const formula of formulas) {
    forEachLeaf(formula, (leaf) => {
      if (leaf.kind === "condition" && !conditions.some((c) => c.key === leaf.key)) conditions.push({ key: leaf.key, node: leaf.node });
      if (leaf.kind === "threshold") {
        const set = bounds.get(leaf.test.variable) ?? new Set<number>();
        set.add(leaf.test.bound);
        bounds.set(leaf.test.variable, set);
      }
    });
  }
  if (conditions.length > MAX_CONDITIONS) return undefined;
  const variables = [...bounds.keys()];
  const grids = variables.map((v) => cellsOf(bounds.get(v)!));
  if (grids.reduce((n, g) => n * g.length, 1) > MAX_CELLS) return undefined;

  const scenarios: Scenario[] = [];
  for (let mask = 0; mask < 1 << conditions.length; mask++) {
    // All conditions true first: the case the rules were written for.
    const truths = conditions.map((_, i) => (mask & (1 << i)) === 0);
    const conditionMap = new Map(conditions.map((c, i) => [c.key, truths[i]!]));
    const shares = new Array<number>(formulas.length + 1).fill(0);
    const index = grids.map(() => 0);
    for (;;) {
      const points = new Map(variables.map((v, i) => [v, grids[i]![index[i]!]!.point]));
      const weight = grids.reduce((w, g, i) => w * g[index[i]!]!.length, 1);
      const at = { conditions: conditionMap, points };
      const winner = formulas.findIndex((f) => evaluateFormula(f, at));
      shares[winner < 0 ? formulas.length : winner]! += weight;
      // Odometer over the grid.
      let k = 0;
      while (k < grids.length && ++index[k]! === grids[k]!.length) index[k++] = 0;
      if (k === grids.length) break;
    }
    scenarios.push({ conditions: truths, shares });
  }
  return { buckets: [...model.buckets.map((b) => b.name), "default"], conditions, scenarios };
}

/** A share as a percentage for people: `10%`, `33.33%`. */
export function formatShare(share: number): string {
  const percent = Math.round(share * 10000) / 100;
  return `${percent}%`;
}
