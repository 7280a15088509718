import type { Attribute } from "../../../runtime/model/attribute";
import type { Classifier, Scalar } from "../../../runtime/model/classifier";
import { forEachNode } from "../../../runtime/model/walk";
import { attributeKind, nodeKey } from "../../analysis/formula";
import { locate, type LintFinding, type LintRule, type LintSubject } from "../types";

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

/** Whether `x` satisfies a constraint; strings only meet `==`. */
function admits(c: Constraint, x: Scalar): boolean {
  if (c.tag === "comparison.eq") return x === c.bound;
  if (typeof x !== "number" || typeof c.bound !== "number") return false;
  return c.tag === "comparison.lt" ? x < c.bound : c.tag === "comparison.lte" ? x <= c.bound : c.tag === "comparison.gt" ? x > c.bound : x >= c.bound;
}

/**
 * Two constraints conflict when no value meets both. Checking each's boundary, a point just
 * inside it and the equality values is enough for intervals over one variable.
 */
function conflict(a: Constraint, b: Constraint): boolean {
  const candidates: Scalar[] = [a.bound, b.bound];
  for (const c of [a, b]) {
    if (typeof c.bound === "number") candidates.push(c.bound - 1e-9 * Math.max(1, Math.abs(c.bound)), c.bound + 1e-9 * Math.max(1, Math.abs(c.bound)));
  }
  return !candidates.some((x) => admits(a, x) && admits(b, x));
}

function check(subject: LintSubject): LintFinding[] {
  const findings: LintFinding[] = [];
  subject.model.buckets.forEach((bucket, b) => {
    forEachNode(
      bucket.classifier,
      (node: Classifier, path) => {
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
                rule: "contradictory-ranges",
                severity: "error",
                feature: subject.key,
                bucket: bucket.name,
                path: `${path}.value[${y.index}]`,
                source: locate(subject, bucket.name),
                message:
                  `contradictory ranges in one "all": x ${SYMBOL[x.tag]} ${JSON.stringify(x.bound)} (value[${x.index}]) and ` +
                  `x ${SYMBOL[y.tag]} ${JSON.stringify(y.bound)} (value[${y.index}]) cannot both hold, for x = ${label(attribute)}`,
              });
            }
          }
        }
      },
      `buckets[${b}].classifier`,
    );
  });
  return findings;
}

/** Range conditions on one attribute inside one `all` that no value can meet: the bucket is dead. */
export const contradictoryRanges: LintRule = {
  name: "contradictory-ranges",
  severity: "error",
  check: (subjects) => subjects.flatMap(check),
};
