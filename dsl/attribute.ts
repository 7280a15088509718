import type { Attribute } from "../runtime/model/attribute";
import type { AttributeValue } from "../runtime/compile/types";
import { Rule } from "./rule";

/** The values `eq`, `ne`, `oneOf` and `noneOf` compare: plain scalars, never coerced. */
export type Primitive = string | number | boolean;

/**
 * An attribute under construction: plain data (`def`) plus comparison methods, so rules read
 * attribute first (`sessionRandom().lt(0.1)`). `T` is what it yields, which decides the
 * comparisons allowed; `C` records the context keys it reads.
 */
export class Attr<T extends AttributeValue, C = {}> {
  /** Type-level record of the attribute's value type; no runtime value. */
  declare readonly _type: T;
  /** Type-level record of the context this attribute reads; no runtime value. */
  declare readonly _context: C;

  constructor(
    /** The attribute as plain data. */
    readonly def: Attribute,
  ) {}

  /** `this < bound` */
  lt(this: Attr<number, C>, bound: number): Rule<C> {
    return lt(this, bound);
  }
  /** `this <= bound` */
  le(this: Attr<number, C>, bound: number): Rule<C> {
    return le(this, bound);
  }
  /** `this > bound` */
  gt(this: Attr<number, C>, bound: number): Rule<C> {
    return gt(this, bound);
  }
  /** `this >= bound` */
  ge(this: Attr<number, C>, bound: number): Rule<C> {
    return ge(this, bound);
  }
  /** `this === value` */
  eq(this: Attr<T & Primitive, C>, value: T): Rule<C> {
    return eq(this, value);
  }
  /** `this !== value` */
  ne(this: Attr<T & Primitive, C>, value: T): Rule<C> {
    return ne(this, value);
  }
  /** An unanchored regex search; anchor with `^` and `$`. */
  regex(this: Attr<string, C>, pattern: string): Rule<C> {
    return regex(this, pattern);
  }
  /** `this` is one of `values` (set membership, no coercion). */
  oneOf(this: Attr<T & Primitive, C>, values: readonly T[]): Rule<C> {
    return oneOf(this, values);
  }
  /** `this` is none of `values`. */
  noneOf(this: Attr<T & Primitive, C>, values: readonly T[]): Rule<C> {
    return noneOf(this, values);
  }
  /** `this` starts with `prefix` (case-sensitive). */
  startsWith(this: Attr<string, C>, prefix: string): Rule<C> {
    return startsWith(this, prefix);
  }
  /** `this` ends with `suffix` (case-sensitive). */
  endsWith(this: Attr<string, C>, suffix: string): Rule<C> {
    return endsWith(this, suffix);
  }
  /** `this` contains `part` (case-sensitive). */
  contains(this: Attr<string, C>, part: string): Rule<C> {
    return contains(this, part);
  }
}

/** `attribute < bound` (PyOF `comparison.lt`). */
export function lt<C>(attribute: Attr<number, C>, bound: number): Rule<C> {
  return new Rule({ __type: "comparison.lt", attribute: attribute.def, value: bound });
}
/** `attribute <= bound` (PyOF `comparison.lte`). */
export function le<C>(attribute: Attr<number, C>, bound: number): Rule<C> {
  return new Rule({ __type: "comparison.lte", attribute: attribute.def, value: bound });
}
/** `attribute > bound` (PyOF `comparison.gt`). */
export function gt<C>(attribute: Attr<number, C>, bound: number): Rule<C> {
  return new Rule({ __type: "comparison.gt", attribute: attribute.def, value: bound });
}
/** `attribute >= bound` (PyOF `comparison.gte`). */
export function ge<C>(attribute: Attr<number, C>, bound: number): Rule<C> {
  return new Rule({ __type: "comparison.gte", attribute: attribute.def, value: bound });
}
/** `attribute === value`, for a number, string or boolean of the attribute's own type. */
export function eq<T extends Primitive, C>(attribute: Attr<T, C>, value: NoInfer<T>): Rule<C> {
  return new Rule({ __type: "comparison.eq", attribute: attribute.def, value });
}
/** `attribute !== value`, for a number, string or boolean of the attribute's own type. */
export function ne<T extends Primitive, C>(attribute: Attr<T, C>, value: NoInfer<T>): Rule<C> {
  return new Rule({ __type: "comparison.ne", attribute: attribute.def, value });
}
/** An unanchored regex search over a string attribute (PyOF `re.match`); the pattern is checked when the bucket is defined. */
export function regex<C>(attribute: Attr<string, C>, pattern: string): Rule<C> {
  return new Rule({ __type: "re.match", attribute: attribute.def, value: pattern });
}

/**
 * Set membership (`comparison.in`): the attribute equals one of `values`, which must have the
 * attribute's type. Compiled to a `Set`. `oneOf(ctx.string("country"), ["FR", "DE"])`.
 */
export function oneOf<T extends Primitive, C>(attribute: Attr<T, C>, values: readonly NoInfer<T>[]): Rule<C> {
  return new Rule({ __type: "comparison.in", attribute: attribute.def, value: [...values] });
}
/** The negation of {@link oneOf} (`comparison.notin`); a missing attribute is still an error, not a match. */
export function noneOf<T extends Primitive, C>(attribute: Attr<T, C>, values: readonly NoInfer<T>[]): Rule<C> {
  return new Rule({ __type: "comparison.notin", attribute: attribute.def, value: [...values] });
}
/** A string attribute starts with `prefix`, case-sensitive (`str.startswith`). */
export function startsWith<C>(attribute: Attr<string, C>, prefix: string): Rule<C> {
  return new Rule({ __type: "str.startswith", attribute: attribute.def, value: prefix });
}
/** A string attribute ends with `suffix`, case-sensitive (`str.endswith`). */
export function endsWith<C>(attribute: Attr<string, C>, suffix: string): Rule<C> {
  return new Rule({ __type: "str.endswith", attribute: attribute.def, value: suffix });
}
/** A string attribute contains `part`, case-sensitive (`str.contains`). */
export function contains<C>(attribute: Attr<string, C>, part: string): Rule<C> {
  return new Rule({ __type: "str.contains", attribute: attribute.def, value: part });
}

/** The machine's hostname, read once per process; `ctx.hostname` overrides it (PyOF `socket.hostname`). */
export function hostname(): Attr<string> {
  return new Attr({ __type: "socket.hostname" });
}
/**
 * A uniform number in [0, 1) fixed per session (PyOF `random.session`): per process by default,
 * a hash of `ctx.sessionId` when given, or `ctx.sessionRandom` as is.
 */
export function sessionRandom(): Attr<number> {
  return new Attr({ __type: "random.session" });
}
/** A fixed number (PyOF `static.number`). */
export function staticNumber(value: number): Attr<number> {
  return new Attr({ __type: "static.number", value });
}
/** An attribute that always fails to evaluate: for testing how errors are handled. */
export function errorAttribute(): Attr<number> {
  return new Attr({ __type: "error" });
}
