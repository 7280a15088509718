import { isVersionAttribute, type Attribute, type TimeAttribute } from "../runtime/model/attribute";
import type { Classifier } from "../runtime/model/classifier";
import type { AttributeValue } from "../runtime/compile/types";
import type { SemVer } from "../runtime/semver";
import { Rule } from "./rule";

/** The values `eq`, `ne`, `oneOf` and `noneOf` compare: plain scalars, never coerced. */
export type Primitive = string | number | boolean;

/**
 * A SemVer literal as the version comparisons take it ("2.1.0", "v2.1.0-rc.1"). The template
 * catches "2.1" or "latest" at compile time; the full grammar is checked when the bucket is defined.
 */
export type VersionLiteral = `${bigint}.${bigint}.${bigint}${string}` | `v${bigint}.${bigint}.${bigint}${string}`;

declare const instant: unique symbol;
/**
 * Milliseconds since the epoch, as time attributes yield them. Branded so that time rules take
 * only time attributes (`before(sessionRandom(), …)` does not compile), while numeric
 * comparisons still accept them.
 */
export type Instant = number & { readonly [instant]: true };

/**
 * An RFC 3339 instant with a time zone, as `before` / `after` take it. The template catches a
 * bare date at compile time; the full grammar is checked when the bucket is defined.
 */
export type InstantLiteral = `${number}-${number}-${number}T${string}`;

/**
 * An attribute under construction: plain data (`def`) plus comparison methods, so rules read
 * attribute first (`sessionRandom().lt(0.1)`). `T` is what it yields, which decides the
 * comparisons allowed (numbers order numerically, versions by SemVer precedence); `C` records the
 * context keys it reads.
 */
export class Attr<out T extends AttributeValue, out C = {}> {
  /** Type-level record of the attribute's value type; no runtime value. */
  declare readonly _type: T;
  /** Type-level record of the context this attribute reads; no runtime value. */
  declare readonly _context: C;

  constructor(
    /** The attribute as plain data. */
    readonly def: Attribute,
  ) {}

  /** `this < bound`; for a version, by SemVer precedence. */
  lt(this: Attr<number, C>, bound: number): Rule<C>;
  lt(this: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
  lt(this: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
    return ordering("lt", this, bound);
  }
  /** `this <= bound`; for a version, by SemVer precedence. */
  le(this: Attr<number, C>, bound: number): Rule<C>;
  le(this: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
  le(this: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
    return ordering("lte", this, bound);
  }
  /** `this > bound`; for a version, by SemVer precedence. */
  gt(this: Attr<number, C>, bound: number): Rule<C>;
  gt(this: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
  gt(this: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
    return ordering("gt", this, bound);
  }
  /** `this >= bound`; for a version, by SemVer precedence. */
  ge(this: Attr<number, C>, bound: number): Rule<C>;
  ge(this: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
  ge(this: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
    return ordering("gte", this, bound);
  }
  /** `this === value`; for a version, equal precedence (build metadata ignored). */
  eq(this: Attr<T & Primitive, C>, value: T): Rule<C>;
  eq(this: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
  eq(this: Attr<AttributeValue, C>, value: T | VersionLiteral): Rule<C> {
    return equality(this, value as Primitive);
  }
  /** `this !== value` */
  ne(this: Attr<T & Primitive, C>, value: T): Rule<C> {
    return ne(this, value as T & Primitive);
  }
  /** An unanchored regex search; anchor with `^` and `$`. */
  regex(this: Attr<string, C>, pattern: string): Rule<C> {
    return regex(this, pattern);
  }
  /** `this` is one of `values` (set membership, no coercion). */
  oneOf(this: Attr<T & Primitive, C>, values: readonly T[]): Rule<C> {
    return oneOf(this, values as readonly (T & Primitive)[]);
  }
  /** `this` is none of `values`. */
  noneOf(this: Attr<T & Primitive, C>, values: readonly T[]): Rule<C> {
    return noneOf(this, values as readonly (T & Primitive)[]);
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
  /** `this` is strictly before `instant` (`time.before`). */
  before(this: Attr<Instant, C>, instant: InstantLiteral): Rule<C> {
    return timeRule("time.before", this, instant);
  }
  /** `this` is at or after `instant` (`time.after`). */
  after(this: Attr<Instant, C>, instant: InstantLiteral): Rule<C> {
    return timeRule("time.after", this, instant);
  }
}

/** A `time.before` / `time.after` rule; `before` and `after` in dsl/time.ts call the methods that build it. */
function timeRule<C>(tag: "time.before" | "time.after", attribute: Attr<Instant, C>, instant: InstantLiteral): Rule<C> {
  return new Rule({ __type: tag, attribute: attribute.def as TimeAttribute, value: instant });
}

type Order = "lt" | "lte" | "gt" | "gte";

/**
 * One ordering, numeric (`comparison.*`) for a number bound or by SemVer precedence (`semver.*`)
 * for a version literal. The types pick the overload; the bound's type picks the tag.
 */
function ordering<C>(order: Order, attribute: Attr<AttributeValue, C>, bound: number | string): Rule<C> {
  const def: Classifier =
    typeof bound === "string"
      ? ({ __type: `semver.${order}`, attribute: attribute.def, value: bound } as Classifier)
      : { __type: `comparison.${order}`, attribute: attribute.def, value: bound };
  return new Rule(def);
}

function equality<C>(attribute: Attr<AttributeValue, C>, value: Primitive): Rule<C> {
  const def: Classifier = isVersionAttribute(attribute.def)
    ? { __type: "semver.eq", attribute: attribute.def, value: String(value) }
    : { __type: "comparison.eq", attribute: attribute.def, value };
  return new Rule(def);
}

/** `attribute < bound` (PyOF `comparison.lt`); for a version attribute and literal, `semver.lt`. */
export function lt<C>(attribute: Attr<number, C>, bound: number): Rule<C>;
export function lt<C>(attribute: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
export function lt<C>(attribute: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
  return ordering("lt", attribute, bound);
}
/** `attribute <= bound` (PyOF `comparison.lte`); for a version attribute and literal, `semver.lte`. */
export function le<C>(attribute: Attr<number, C>, bound: number): Rule<C>;
export function le<C>(attribute: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
export function le<C>(attribute: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
  return ordering("lte", attribute, bound);
}
/** `attribute > bound` (PyOF `comparison.gt`); for a version attribute and literal, `semver.gt`. */
export function gt<C>(attribute: Attr<number, C>, bound: number): Rule<C>;
export function gt<C>(attribute: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
export function gt<C>(attribute: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
  return ordering("gt", attribute, bound);
}
/** `attribute >= bound` (PyOF `comparison.gte`); for a version attribute and literal, `semver.gte`. */
export function ge<C>(attribute: Attr<number, C>, bound: number): Rule<C>;
export function ge<C>(attribute: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
export function ge<C>(attribute: Attr<number | SemVer, C>, bound: number | VersionLiteral): Rule<C> {
  return ordering("gte", attribute, bound);
}
/**
 * `attribute === value`, for a number, string or boolean of the attribute's own type; for a
 * version attribute, equal SemVer precedence (`semver.eq`, build metadata ignored).
 */
export function eq<T extends Primitive, C>(attribute: Attr<T, C>, value: NoInfer<T>): Rule<C>;
export function eq<C>(attribute: Attr<SemVer, C>, version: VersionLiteral): Rule<C>;
export function eq<C>(attribute: Attr<AttributeValue, C>, value: Primitive): Rule<C> {
  return equality(attribute, value);
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
 *
 * Without a salt, every feature shares the session's one number, as in PyOF (so `lt(…, 0.1)` in two
 * features picks the same sessions). With a salt, the number is `murmur3(salt + ":" + sessionId)`
 * (the process draws a random session id once when the context has none): independent per salt.
 */
export function sessionRandom(salt?: string): Attr<number> {
  return new Attr(salt === undefined ? { __type: "random.session" } : { __type: "random.session", salt });
}
/** A fixed number (PyOF `static.number`). */
export function staticNumber(value: number): Attr<number> {
  return new Attr({ __type: "static.number", value });
}
/** An attribute that always fails to evaluate: for testing how errors are handled. */
export function errorAttribute(): Attr<number> {
  return new Attr({ __type: "error" });
}
