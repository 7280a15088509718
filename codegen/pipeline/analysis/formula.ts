import { absurd } from "fp-ts/function";
import type { Attribute } from "../../../runtime/model/attribute";
import type { Classifier } from "../../../runtime/model/classifier";
import { attributeView, classifierView } from "../../vocabulary";
import type { AttributeKind, FormulaKit } from "../../vocabulary/types";
import { canonicalRecord } from "../../../runtime/model/canonical";
import { forEachAttribute } from "../../../runtime/model/walk";
import { compileFeature } from "../../../runtime/compile/feature";

/*
 * A classifier seen by static analysis: a boolean formula whose leaves are
 * - constants (rules over literals only, decided now by the runtime's own compiled operators),
 * - thresholds on a uniform random variable (`random.session` and friends), whose probability is
 *   exact, and
 * - opaque conditions (everything that reads the host or the request), which analysis treats as
 *   free booleans and lists.
 */

export type { AttributeKind } from "../../vocabulary/types";

/** Classifies an attribute for analysis, as its view says (codegen/vocabulary/attributes/). */
export function attributeKind(attribute: Attribute): AttributeKind {
  return attributeView(attribute).kind;
}

/** A threshold test on a uniform variable in [0, 1). */
export interface Threshold {
  readonly variable: string;
  readonly op: "lt" | "lte" | "gt" | "gte" | "eq" | "ne";
  readonly bound: number;
}

/** The analysed form of a classifier. */
export type Formula =
  | { readonly kind: "const"; readonly value: boolean }
  | { readonly kind: "threshold"; readonly test: Threshold }
  | { readonly kind: "condition"; readonly key: string; readonly node: Classifier }
  | { readonly kind: "and"; readonly parts: readonly Formula[] }
  | { readonly kind: "or"; readonly parts: readonly Formula[] }
  | { readonly kind: "not"; readonly part: Formula };

/** A stable identity for a node: its canonical JSON. Equal text, same variable or condition. */
export function nodeKey(node: Classifier | Attribute): string {
  return JSON.stringify(canonicalRecord(node));
}

function constantValue(node: Classifier): boolean {
  const compiled = compileFeature({ type: "offline-feature", python_versions: ["all"], buckets: [{ name: "x", classifier: node, value: true }], default: false });
  return compiled.evaluate(undefined).bucket === "x";
}

/** A rule over attributes: decided now if they are all literals, else an opaque condition. */
function leaf(node: Classifier): Formula {
  let constant = true;
  forEachAttribute(node, (attribute) => {
    if (attributeKind(attribute) !== "constant") constant = false;
  });
  return constant ? { kind: "const", value: constantValue(node) } : { kind: "condition", key: nodeKey(node), node };
}

/** A numeric comparison: a threshold when it tests a uniform random attribute against a number. */
function comparison(node: Classifier, attribute: Attribute, op: Threshold["op"], value: unknown): Formula {
  if (attributeKind(attribute) !== "uniform") return leaf(node);
  if (typeof value === "number") return { kind: "threshold", test: { variable: nodeKey(attribute), op, bound: value } };
  // A random number against a non-number: every comparison, `ne` included, is false.
  return { kind: "const", value: false };
}

/**
 * Set membership of a random number: a finite set has probability zero, so `in` is (almost
 * surely) false and `notin` true; over any other attribute it is a listed condition.
 */
function membership(node: Classifier, attribute: Attribute, negated: boolean): Formula {
  return attributeKind(attribute) === "uniform" ? { kind: "const", value: negated } : leaf(node);
}

/** Turns a classifier into a {@link Formula}; each tag's view says how it reads. */
export function toFormula(node: Classifier): Formula {
  const kit: FormulaKit = {
    formula: toFormula,
    leaf: () => leaf(node),
    condition: () => ({ kind: "condition", key: nodeKey(node), node }),
    comparison: (attribute, op, value) => comparison(node, attribute, op, value),
    membership: (attribute, negated) => membership(node, attribute, negated),
  };
  return classifierView(node).formula(node, kit);
}

/** Values for the free parts of a formula: each condition's truth, each variable's sample point. */
export interface Assignment {
  readonly conditions: ReadonlyMap<string, boolean>;
  readonly points: ReadonlyMap<string, number>;
}

function holds(test: Threshold, x: number): boolean {
  switch (test.op) {
    case "lt":
      return x < test.bound;
    case "lte":
      return x <= test.bound;
    case "gt":
      return x > test.bound;
    case "gte":
      return x >= test.bound;
    case "eq":
      return x === test.bound;
    case "ne":
      return x !== test.bound;
    default:
      return absurd(test.op);
  }
}

/** Evaluates a formula under an assignment. */
export function evaluateFormula(formula: Formula, at: Assignment): boolean {
  switch (formula.kind) {
    case "const":
      return formula.value;
    case "threshold":
      return holds(formula.test, at.points.get(formula.test.variable) ?? 0);
    case "condition":
      return at.conditions.get(formula.key) ?? false;
    case "and":
      return formula.parts.every((p) => evaluateFormula(p, at));
    case "or":
      return formula.parts.some((p) => evaluateFormula(p, at));
    case "not":
      return !evaluateFormula(formula.part, at);
    default:
      return absurd(formula);
  }
}

/** Calls `visit` on every leaf of a formula. */
export function forEachLeaf(formula: Formula, visit: (leaf: Extract<Formula, { kind: "const" | "threshold" | "condition" }>) => void): void {
  switch (formula.kind) {
    case "const":
    case "threshold":
    case "condition":
      visit(formula);
      return;
    case "and":
    case "or":
      formula.parts.forEach((p) => forEachLeaf(p, visit));
      return;
    case "not":
      forEachLeaf(formula.part, visit);
      return;
    default:
      return absurd(formula);
  }
}
