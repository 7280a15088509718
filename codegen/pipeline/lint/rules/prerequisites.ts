import { dependenciesOf, findCycle, formatCycle, prerequisiteOf } from "../../../../runtime/model/dependencies";
import { DEFAULT_BUCKET } from "../../../../runtime/model/feature";
import { forEachRuleNode, type RuleFinding, type LintRule } from "../types";

/**
 * Prerequisites must name features of the project, buckets those features have, and never loop
 * back: a cycle would make evaluation depend on itself. The store refuses such bundles at load;
 * this catches them before they are generated.
 */
export const prerequisites: LintRule = {
  name: "prerequisites",
  severity: "error",
  check: (subjects) => {
    const byKey = new Map(subjects.map((s) => [s.key, s]));
    const findings: RuleFinding[] = [];
    for (const subject of subjects) {
      forEachRuleNode(subject, (node, place) => {
        const prerequisite = prerequisiteOf(node);
        if (prerequisite === undefined) return;
        const at = place;
        const other = byKey.get(prerequisite.feature);
        if (other === undefined) {
          findings.push({ ...at, message: `the prerequisite feature ${JSON.stringify(prerequisite.feature)} is not defined in this project` });
          return;
        }
        const names = new Set([...other.model.buckets.map((x) => x.name), DEFAULT_BUCKET]);
        const unknown = prerequisite.buckets.filter((name) => !names.has(name));
        if (unknown.length > 0) {
          findings.push({ ...at, message: `feature ${JSON.stringify(prerequisite.feature)} has no bucket ${unknown.map((n) => JSON.stringify(n)).join(", ")}; its buckets are ${[...names].map((n) => JSON.stringify(n)).join(", ")}` });
        }
      });
    }
    const cycle = findCycle(new Map(subjects.map((s) => [s.key, s.model])));
    if (cycle !== undefined) {
      const first = byKey.get(cycle[0]!)!;
      const dependency = dependenciesOf(first.model).find((d) => d.feature === cycle[1]);
      findings.push({
        feature: first.key,
        ...(dependency === undefined ? {} : { path: dependency.path }),
        source: first.source,
        message: `prerequisites form a cycle: ${formatCycle(cycle)}`,
      });
    }
    return findings;
  },
};
