import type { Attribute } from "../../runtime/model/attribute";
import type { Classifier, Scalar } from "../../runtime/model/classifier";
import type { Formula, Threshold } from "../pipeline/analysis/formula";

/*
 * What codegen knows about one tag, beside its runtime descriptor: how it reads in JSDoc and
 * explain output, how the importer writes it as DSL source, how the share analysis sees it, and
 * how environment folding decides it. One file per tag (codegen/vocabulary/{classifiers,attributes}/),
 * collected in ./index.ts, whose types make a tag without a view a compile error.
 */

/** The DSL names a rendering used, for the import declaration. */
export type UsedNames = Set<string>;

/** What an attribute yields in the typed DSL, which decides the comparisons the DSL's types allow on it. */
export type DslYield = "number" | "string" | "boolean";

/** An attribute as a DSL call: the source, the DSL name it calls (to import), and what it yields. */
export interface DslAttribute {
  readonly call: string;
  readonly name: string;
  readonly yields: DslYield;
}

/** How analysis sees one attribute: a literal, a uniform random number, or something it cannot know. */
export type AttributeKind = "constant" | "uniform" | "opaque";

/** The helpers an attribute view's `describe` may use. */
export interface AttributeDescribeKit {
  /** Another attribute (a rollout's unit) in readable form. */
  attribute(attribute: Attribute): string;
  /** A context key as a property access: `ctx.country`, `ctx["user.id"]`. */
  contextKey(name: string): string;
}

/** Everything codegen knows about one attribute tag. */
export interface AttributeView<N extends Attribute> {
  readonly tag: N["__type"];
  /** The attribute in readable form, for JSDoc and explain: `sessionRandom`, `ctx.country`. */
  readonly describe: (node: N, kit: AttributeDescribeKit) => string;
  /**
   * The attribute as a typed DSL call, for the importer; undefined when the typed DSL cannot build
   * it, and the rule holding it is then imported as a raw rule (which round-trips exactly).
   */
  readonly dsl: (node: N) => DslAttribute | undefined;
  /** How the share analysis sees it. */
  readonly kind: AttributeKind;
}

/** The helpers a classifier view's `describe` may use. */
export interface DescribeKit {
  rule(node: Classifier): string;
  attribute(attribute: Attribute): string;
  /** A literal as JSON. */
  literal(value: unknown): string;
}

/** The helpers a classifier view's `render` may use. */
export interface RenderKit {
  /** A child rule as DSL source. */
  rule(node: Classifier): string;
  /** The node as a raw rule (`new Rule({...})`), which builds the same model. */
  raw(): string;
  /** `fn(attribute, value)` when the attribute has a typed DSL call that `accepts` allows; else the raw rule. */
  call(fn: string, attribute: Attribute, value: unknown, accepts: (yields: DslYield) => boolean): string;
  /** Records a DSL name to import. */
  use(name: string): void;
}

/** The helpers a classifier view's `formula` may use. */
export interface FormulaKit {
  /** A child rule's formula. */
  formula(node: Classifier): Formula;
  /** A rule over attributes: decided now if they are all literals, else an opaque condition. */
  leaf(): Formula;
  /** A listed condition that analysis cannot decide (another feature's bucket). */
  condition(): Formula;
  /** A numeric comparison: a threshold when it tests a uniform random attribute against a number. */
  comparison(attribute: Attribute, op: Threshold["op"], value: unknown): Formula;
  /** A membership test: a finite set has probability zero on a random number. */
  membership(attribute: Attribute, negated: boolean): Formula;
}

/** The numbers a range condition admits, as an interval (for the contradictory-ranges lint). */
export interface Interval {
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
}

/** Everything codegen knows about one classifier tag. */
export interface ClassifierView<N extends Classifier> {
  readonly tag: N["__type"];
  /** The rule in readable form, for JSDoc and explain: `all(sessionRandom < 0.1, hostname ~ /^len.+/)`. */
  readonly describe: (node: N, kit: DescribeKit) => string;
  /** The rule as DSL source, for the importer. */
  readonly render: (node: N, kit: RenderKit) => string;
  /** The rule as the share analysis sees it. */
  readonly formula: (node: N, kit: FormulaKit) => Formula;
  /**
   * For a boolean node, how environment folding simplifies it: `and` / `or` absorb constants, `not`
   * flips one. Absent for the other nodes, which folding leaves as they are unless `environment` decides them.
   */
  readonly logic?: "and" | "or" | "not";
  /**
   * For a test of an attribute against a literal: its truth when the attribute is `environment()`
   * and the environment is `env`, with the runtime's semantics; and the environment names it
   * mentions, for checking them against the declared list.
   */
  readonly environment?: { readonly decide: (node: N, env: string) => boolean; readonly names?: (node: N) => readonly Scalar[] };
  /** For a numeric range test: its symbol and the interval a numeric bound admits (contradictory-ranges lint). */
  readonly range?: { readonly symbol: string; readonly interval: (bound: number) => Interval; readonly equality: boolean };
}
