import type { Attribute } from "../../../../runtime/model/attribute";
import type { Classifier, Scalar } from "../../../../runtime/model/classifier";
import { attributeOf, childrenOf } from "../../../../runtime/model/walk";
import { classifierView } from "../../../vocabulary";
import type { ClassifierView, Interval } from "../../../vocabulary/types";
import { attributeKind, nodeKey } from "../../analysis/formula";
import { forEachRuleNode, type RuleFinding, type LintRule, type LintSubject } from "../types";

/** A range condition inside an `all`: its view's range (symbol, interval), its bound and its place. */
interface Constraint {
  readonly range: NonNullable<ClassifierView<Classifier>["range"]>;
  readonly bound: Scalar;
  readonly index: number;
}

function label(attribute: Attribute): string {
  return "name" in attribute ? `${attribute.__type} ${JSON.stringify(attribute.name)}` : attribute.__type;
}

/** The numbers a constraint admits; undefined for a comparison with a non-number. */
function intervalOf(c: Constraint): Interval | undefined {
  return typeof c.bound === "number" ? c.range.interval(c.bound) : undefined;
}

const admits = (iv: Interval, x: number): boolean => (x > iv.lo || (x === iv.lo && iv.loIn)) && (x < iv.hi || (x === iv.hi && iv.hiIn));

/**
 * Two constraints conflict when no value meets both. Numeric ones are intervals, compared exactly
 * (however narrow the overlap, e.g. a one-second window of epoch milliseconds). An equality with
 * a string or boolean meets only the same equality: ordering is false for non-numbers.
 */
function conflict(a: Constraint, b: Constraint): boolean {
  const [x, y] = [intervalOf(a), intervalOf(b)];
  if (x === undefined || y === undefined) return !(a.range.equality && b.range.equality && a.bound === b.bound);
  const lo = Math.max(x.lo, y.lo);
  const hi = Math.min(x.hi, y.hi);
  if (lo !== hi) return lo > hi;
  return !(admits(x, lo) && admits(y, lo));
}

function check(subject: LintSubject): RuleFinding[] {
  const findings: RuleFinding[] = [];
  forEachRuleNode(subject, (node, place) => {
    if (classifierView(node).logic !== "and") return;
    const byAttribute = new Map<string, { attribute: Attribute; constraints: Constraint[] }>();
    childrenOf(node).forEach(({ node: child }, index) => {
      const range = classifierView(child).range;
      const attribute = attributeOf(child);
      if (range === undefined || attribute === undefined || attributeKind(attribute) === "constant") return;
      const key = nodeKey(attribute);
      const entry = byAttribute.get(key) ?? { attribute, constraints: [] };
      entry.constraints.push({ range, bound: (child as { readonly value: Scalar }).value, index });
      byAttribute.set(key, entry);
    });
    for (const { attribute, constraints } of byAttribute.values()) {
      for (let i = 0; i < constraints.length; i++) {
        for (let j = i + 1; j < constraints.length; j++) {
          const [x, y] = [constraints[i]!, constraints[j]!];
          if (!conflict(x, y)) continue;
          findings.push({
            ...place,
            path: `${place.path}.value[${y.index}]`,
            message:
              `contradictory ranges in one "all": x ${x.range.symbol} ${JSON.stringify(x.bound)} (value[${x.index}]) and ` +
              `x ${y.range.symbol} ${JSON.stringify(y.bound)} (value[${y.index}]) cannot both hold, for x = ${label(attribute)}`,
          });
        }
      }
    }
  });
  return findings;
}

/** Range conditions on one attribute inside one `all` that no value can meet: the bucket is dead. */
export const contradictoryRanges: LintRule = {
  name: "contradictory-ranges",
  severity: "error",
  check: (subjects) => subjects.flatMap(check),
};
