import type { Attribute } from "../runtime/model/attribute";
import type { AttributeValue } from "../runtime/compile/types";
import { Rule } from "./rule";

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
  eq(value: T): Rule<C> {
    return eq(this, value);
  }
  /** `this !== value` */
  ne(value: T): Rule<C> {
    return ne(this, value);
  }
  /** An unanchored regex search; anchor with `^` and `$`. */
  regex(this: Attr<string, C>, pattern: string): Rule<C> {
    return regex(this, pattern);
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
export function eq<T extends AttributeValue, C>(attribute: Attr<T, C>, value: NoInfer<T>): Rule<C> {
  return new Rule({ __type: "comparison.eq", attribute: attribute.def, value });
}
/** `attribute !== value`, for a number, string or boolean of the attribute's own type. */
export function ne<T extends AttributeValue, C>(attribute: Attr<T, C>, value: NoInfer<T>): Rule<C> {
  return new Rule({ __type: "comparison.ne", attribute: attribute.def, value });
}
/** An unanchored regex search over a string attribute (PyOF `re.match`); the pattern is checked when the bucket is defined. */
export function regex<C>(attribute: Attr<string, C>, pattern: string): Rule<C> {
  return new Rule({ __type: "re.match", attribute: attribute.def, value: pattern });
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
