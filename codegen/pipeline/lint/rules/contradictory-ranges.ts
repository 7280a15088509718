import { absurd } from "fp-ts/function";
import type { Attribute } from "../../../../runtime/model/attribute";
import type { Scalar } from "../../../../runtime/model/classifier";
import { attributeKind, nodeKey } from "../../analysis/formula";
import { forEachRuleNode, type RuleFinding, type LintRule, type LintSubject } from "../types";

const SYMBOL = { "comparison.lt": "<", "comparison.lte": "<=", "comparison.gt": ">", "comparison.gte": ">=", "comparison.eq": "==" } as const;
type RangeTag = keyof typeof SYMBOL;

interface Constraint {
  readonly tag: RangeTag;
  readonly bound: Scalar;
  readonly index: number;
}

function label(attribute: Attribute): string {
  return "name" in attribute ? `${attribute.__type} ${JSON.stringify(attribute.name)}` : attribute.__type;
}

/** The numbers a constraint admits, as an interval; undefined for an equality with a non-number. */
interface Interval {
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
}

function intervalOf(c: Constraint): Interval | undefined {
  if (typeof c.bound !== "number") return undefined;
  const b = c.bound;
  switch (c.tag) {
    case "comparison.lt":
      return { lo: -Infinity, loIn: false, hi: b, hiIn: false };
    case "comparison.lte":
      return { lo: -Infinity, loIn: false, hi: b, hiIn: true };
    case "comparison.gt":
      return { lo: b, loIn: false, hi: Infinity, hiIn: false };
    case "comparison.gte":
      return { lo: b, loIn: true, hi: Infinity, hiIn: false };
    case "comparison.eq":
      return { lo: b, loIn: true, hi: b, hiIn: true };
    default:
      return absurd(c.tag);
  }
}

const admits = (iv: Interval, x: number): boolean => (x > iv.lo || (x === iv.lo && iv.loIn)) && (x < iv.hi || (x === iv.hi && iv.hiIn));

/**
 * Two constraints conflict when no value meets both. Numeric ones are intervals, compared exactly
 * (however narrow the overlap, e.g. a one-second window of epoch milliseconds). An equality with
 * a string or boolean meets only the same equality: ordering is false for non-numbers.
 */
function conflict(a: Constraint, b: Constraint): boolean {
  const [x, y] = [intervalOf(a), intervalOf(b)];
  if (x === undefined || y === undefined) return !(a.tag === "comparison.eq" && b.tag === "comparison.eq" && a.bound === b.bound);
  const lo = Math.max(x.lo, y.lo);
  const hi = Math.min(x.hi, y.hi);
  if (lo !== hi) return lo > hi;
  return !(admits(x, lo) && admits(y, lo));
}

function check(subject: LintSubject): RuleFinding[] {
  const findings: RuleFinding[] = [];
  forEachRuleNode(subject, (node, place) => {
    if (node.__type !== "bool.all") return;
    const byAttribute = new Map<string, { attribute: Attribute; constraints: Constraint[] }>();
    node.value.forEach((child, index) => {
      if (!(child.__type in SYMBOL) || !("attribute" in child) || attributeKind(child.attribute) === "constant") return;
      const key = nodeKey(child.attribute);
      const entry = byAttribute.get(key) ?? { attribute: child.attribute, constraints: [] };
      entry.constraints.push({ tag: child.__type as RangeTag, bound: child.value as Scalar, index });
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
              `contradictory ranges in one "all": x ${SYMBOL[x.tag]} ${JSON.stringify(x.bound)} (value[${x.index}]) and ` +
              `x ${SYMBOL[y.tag]} ${JSON.stringify(y.bound)} (value[${y.index}]) cannot both hold, for x = ${label(attribute)}`,
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
