import type { Classifier, NoneLiteral } from "../runtime/model/classifier";
import type { OfflineFeature } from "../runtime/offline-feature";

/** A feature a rule depends on through `inBucket`. */
export type Prerequisite = OfflineFeature<unknown, string, unknown>;

const NO_PREREQUISITES: readonly Prerequisite[] = Object.freeze([]);

function merged(...lists: (readonly Prerequisite[])[]): readonly Prerequisite[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  return nonEmpty.length === 0 ? NO_PREREQUISITES : nonEmpty.length === 1 ? nonEmpty[0]! : nonEmpty.flat();
}

/**
 * A classifier under construction: plain data (`def`, exactly what the JSON holds) plus chainable
 * methods. `C` records the context keys the rule reads, so a feature's getter can require them.
 * Every method returns a new rule; none mutates.
 */
export class Rule<out C = {}> {
  /** Type-level record of the context this rule reads; it has no runtime value. */
  declare readonly _context: C;

  constructor(
    /** The classifier as plain data. */
    readonly def: Classifier,
    /**
     * The features its `inBucket` prerequisites name, so that the feature built from it can
     * resolve them. Not part of the JSON, which names them by key.
     */
    readonly prerequisites: readonly Prerequisite[] = NO_PREREQUISITES,
  ) {}

  /** Both this and `other` (PyOF's `&`). Chains of `and` stay one flat `bool.all`. */
  and<D>(other: Rule<D>): Rule<C & D> {
    return new Rule(
      this.def.__type === "bool.all" ? { __type: "bool.all", value: [...this.def.value, other.def] } : { __type: "bool.all", value: [this.def, other.def] },
      merged(this.prerequisites, other.prerequisites),
    );
  }

  /** This or `other` (PyOF's `|`). Chains of `or` stay one flat `bool.any`. */
  or<D>(other: Rule<D>): Rule<C & D> {
    return new Rule(
      this.def.__type === "bool.any" ? { __type: "bool.any", value: [...this.def.value, other.def] } : { __type: "bool.any", value: [this.def, other.def] },
      merged(this.prerequisites, other.prerequisites),
    );
  }

  /** The negation (PyOF's `~`). An error inside stays an error. */
  not(): Rule<C> {
    return new Rule({ __type: "bool.none", value: this.def }, this.prerequisites);
  }
}

type Contexts<R extends readonly Rule<unknown>[]> = R extends readonly [] ? {} : UnionToIntersection<R[number]["_context"]>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Combinators over rules: `c.all`, `c.any`, `c.not`, and `c.literal` for PyOF's negated literals. */
export const c = {
  /** True when every rule is; evaluated left to right, stopping at the first false. An empty `all` is true. */
  all<R extends readonly Rule<unknown>[]>(...rules: R): Rule<Contexts<R>> {
    return new Rule({ __type: "bool.all", value: rules.map((r) => r.def) }, merged(...rules.map((r) => r.prerequisites)));
  },
  /** True when some rule is; evaluated left to right, stopping at the first true. An empty `any` is false. */
  any<R extends readonly Rule<unknown>[]>(...rules: R): Rule<Contexts<R>> {
    return new Rule({ __type: "bool.any", value: rules.map((r) => r.def) }, merged(...rules.map((r) => r.prerequisites)));
  },
  /** The negation of a rule. */
  not<D>(rule: Rule<D>): Rule<D> {
    return rule.not();
  },
  /** PyOF's `bool.none` over a literal: true exactly for `""`, `0`, `false` and `[]`. */
  notLiteral(literal: NoneLiteral): Rule {
    return new Rule({ __type: "bool.none", value: literal });
  },
  /** A rule that always matches: a catch-all bucket. */
  always(): Rule {
    return new Rule({ __type: "bool.all", value: [] });
  },
} as const;
