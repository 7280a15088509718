import type { Classifier, NoneLiteral } from "../runtime/model/classifier";

/**
 * A classifier under construction: plain data (`def`, exactly what the JSON holds) plus chainable
 * methods. `C` records the context keys the rule reads, so a feature's getter can require them.
 * Every method returns a new rule; none mutates.
 */
export class Rule<C = {}> {
  /** Type-level record of the context this rule reads; it has no runtime value. */
  declare readonly _context: C;

  constructor(
    /** The classifier as plain data. */
    readonly def: Classifier,
  ) {}

  /** Both this and `other` (PyOF's `&`). Chains of `and` stay one flat `bool.all`. */
  and<D>(other: Rule<D>): Rule<C & D> {
    return new Rule(this.def.__type === "bool.all" ? { __type: "bool.all", value: [...this.def.value, other.def] } : { __type: "bool.all", value: [this.def, other.def] });
  }

  /** This or `other` (PyOF's `|`). Chains of `or` stay one flat `bool.any`. */
  or<D>(other: Rule<D>): Rule<C & D> {
    return new Rule(this.def.__type === "bool.any" ? { __type: "bool.any", value: [...this.def.value, other.def] } : { __type: "bool.any", value: [this.def, other.def] });
  }

  /** The negation (PyOF's `~`). An error inside stays an error. */
  not(): Rule<C> {
    return new Rule({ __type: "bool.none", value: this.def });
  }
}

type Contexts<R extends readonly Rule<unknown>[]> = R extends readonly [] ? {} : UnionToIntersection<R[number]["_context"]>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Combinators over rules: `c.all`, `c.any`, `c.not`, and `c.literal` for PyOF's negated literals. */
export const c = {
  /** True when every rule is; evaluated left to right, stopping at the first false. An empty `all` is true. */
  all<R extends readonly Rule<unknown>[]>(...rules: R): Rule<Contexts<R>> {
    return new Rule({ __type: "bool.all", value: rules.map((r) => r.def) });
  },
  /** True when some rule is; evaluated left to right, stopping at the first true. An empty `any` is false. */
  any<R extends readonly Rule<unknown>[]>(...rules: R): Rule<Contexts<R>> {
    return new Rule({ __type: "bool.any", value: rules.map((r) => r.def) });
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
