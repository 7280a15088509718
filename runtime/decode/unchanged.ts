import * as t from "io-ts";
import { refOrLiteralOf, unionBehind, type DeferredUnion } from "../vocabulary/refs";
import { TAG } from "./tagged-union";
import { isAsIs } from "./as-is";
import { deepFreeze } from "../model/freeze";
import { valuesBelow } from "./limits";

/*
 * The fast path of decoding: a yes/no answer to "would this codec accept `u` and give back `u`
 * itself?". That is what io-ts answers for a canonical document (every field valid, no key an
 * exact codec would strip), and then decoding has nothing to build: the input is the output. The
 * answer is derived from the io-ts codecs' own structure (exact, readonly, type, partial,
 * intersection, arrays, literals, the tagged unions behind runtime/vocabulary/refs.ts); any other
 * codec is asked directly (`validate`, its result compared with its input), so a new tag or a new
 * field codec needs nothing here. On "no", the caller decodes with io-ts as before, so every
 * message, path and stripped copy still comes from io-ts: the codecs stay the single source of the
 * shape, and test/runtime/decode/unchanged.test.ts holds the two answers equal.
 *
 * No context is built (io-ts's contexts, one array copy per field, were most of the decode time),
 * and the tree is walked with an explicit stack: no input-driven recursion.
 */

/**
 * Checks `u` at one level: true when this level is unchanged, with each child (a value whose
 * answer depends on another codec) pushed for the driver to check.
 */
type Check = (u: unknown, pending: Pending) => boolean;

/** The values still to check, each with its check (two parallel stacks: no allocation per entry). */
interface Pending {
  readonly checks: Check[];
  readonly values: unknown[];
  /** The value came out of JSON.parse: every own property is an enumerable string key (see {@link decodesUnchanged}). */
  plainJson: boolean;
  /**
   * Set when the walk met a node of a watched tag (see DeferredUnion.watched), or a part it could
   * not see into (a codec asked as it is, a node decoded before): then the loader must look.
   */
  noted: boolean;
  /** Freeze each record and array as it is accepted (the loader's own parse: nobody else holds it). */
  freeze: boolean;
  /** Set when part of the document was checked out of the walk's sight (a codec asked as it is): not all of it was frozen. */
  opaque: boolean;
  /** The levels of `values`, entry for entry (see {@link boundedOutcome}). */
  readonly levels: number[];
  /** The level of the value being checked, for a container's children and a delegated check; and of a leaf checked on the spot (see `leafLevel`). */
  level: number;
  /** The level of the value a leaf check is given: its container's children's, or the value's own when a check delegates. */
  leafLevel: number;
  /** The deepest level a value may lie at; Infinity when the walk is not bounded. */
  maxLevel: number;
  /** How many more values the document may hold; Infinity when the walk is not bounded. */
  budget: number;
  /** A bounded walk (plain JSON only): records that could hide a value from the count are refused, and limits are checked. */
  bounded: boolean;
  /** Set when a bounded walk met a value past `maxLevel` or past the budget: the walk stops, and the document is too big. */
  tooBig: boolean;
}

/** Refuses the document for its size: the walk stops, and the caller reports the limit. */
function tooBig(pending: Pending): false {
  pending.tooBig = true;
  return false;
}

/** True when a record holds any own key (only asked of a record at the deepest level allowed). */
function hasOwnKey(u: object): boolean {
  for (const name in u) if (hasOwn.call(u, name)) return true;
  return false;
}

/**
 * Counts what an object a codec checks as a whole holds below itself (the object was counted by
 * its container), within the walk's bounds; false, with `tooBig` set, when it passes them. Run
 * before the codec is asked: its check may recurse.
 */
function sizedWithin(u: object, level: number, pending: Pending): boolean {
  if (!pending.bounded) return true;
  const below = valuesBelow(u, pending.maxLevel - level, pending.budget);
  if (below < 0) return tooBig(pending);
  pending.budget -= below;
  return true;
}

const NO_CONTEXT: t.Context = [];
const hasOwn = Object.prototype.hasOwnProperty;
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

type Shaped = t.Mixed & { readonly _tag?: string; readonly type?: t.Mixed; readonly types?: readonly t.Mixed[]; readonly props?: t.Props; readonly value?: unknown };

const checks = new WeakMap<t.Mixed, Check>();

/** The check for `codec`, built once per codec (children's checks are looked up when first needed: codecs may be recursive). */
function checkOf(codec: t.Mixed): Check {
  let check = checks.get(codec);
  if (check === undefined) {
    check = build(codec);
    checks.set(codec, check);
  }
  return check;
}

/** A codec io-ts would be asked about as it is: it accepts `u` unchanged exactly when it returns `u`. */
function asked(codec: t.Mixed): Check {
  return (u, pending) => {
    // What io-ts decodes here is out of the walk's sight: it may hold watched nodes, and it is not frozen.
    pending.noted = true;
    pending.opaque = true;
    if (typeof u === "object" && u !== null && !sizedWithin(u, pending.leafLevel, pending)) return false;
    const r = codec.validate(u, NO_CONTEXT);
    return r._tag === "Right" && r.right === u;
  };
}

/**
 * One member of a tagged union, chosen as the union chooses (runtime/decode/tagged-union.ts). The
 * union's choice for a record depends on its tag alone (see DeferredUnion), so it is asked once
 * per tag and remembered.
 */
function unionCheck(union: DeferredUnion): Check {
  const byTag = new Map<unknown, Check | null>();
  return (u, pending) => {
    // Nothing in a fresh parse came out of a codec: no lookup per node then.
    if (!pending.plainJson && union.decoded(u)) {
      // Decoded before, so not walked: what it holds is unknown here.
      pending.noted = true;
      return true;
    }
    if (!isRecord(u)) return false;
    const tag = u[TAG];
    let member = byTag.get(tag);
    if (member === undefined) {
      if (typeof tag !== "string") return false;
      const chosen = union.select(u, NO_CONTEXT);
      member = chosen._tag === "Left" ? null : watchedCheck(union, tag, checkOf(chosen.right));
      // Only the known tags are remembered, so hostile input cannot grow the map.
      if (member !== null) byTag.set(tag, member);
    }
    return member !== null && member(u, pending);
  };
}

/** The member's check, noting the node on the way when its tag is one the union watches. */
function watchedCheck(union: DeferredUnion, tag: string, check: Check): Check {
  if (union.watched?.(tag) !== true) return check;
  return (u, pending) => {
    pending.noted = true;
    return check(u, pending);
  };
}

interface Field {
  readonly key: string;
  readonly codec: t.Mixed;
  readonly optional: boolean;
}

/** The fields of `type`/`partial` parts (an intersection of them, or one), or undefined for another shape. */
function fieldsOf(codec: Shaped): Field[] | undefined {
  if (codec._tag === "InterfaceType" || codec._tag === "PartialType") {
    return Object.entries(codec.props!).map(([key, field]) => ({ key, codec: field, optional: codec._tag === "PartialType" }));
  }
  if (codec._tag === "IntersectionType") {
    const parts = codec.types!.map((part) => fieldsOf(part as Shaped));
    return parts.some((p) => p === undefined) ? undefined : (parts.flat() as Field[]);
  }
  return undefined;
}

/**
 * A record of fields. io-ts reads each field (`u[key]`, inherited or not) and keeps the record
 * when every field's result is its input; a required field must be an own property (else io-ts
 * writes the key). With `exact`, a record holding any other own property name is copied without it.
 */
function recordCheck(fields: readonly Field[], exact: boolean): Check {
  const keys = fields.map((f) => f.key);
  const optional = fields.map((f) => f.optional);
  // An intersection may name a key in two parts: each part checks it, but it is one property.
  const counted = keys.map((key, i) => keys.indexOf(key) === i);
  const names = new Set(keys);
  // A field that must hold one string (a node's `__type` tag, a feature's `type`): see below.
  const literals = fields.map((f) => {
    const value = (f.codec as Shaped)._tag === "LiteralType" ? (f.codec as Shaped).value : undefined;
    return typeof value === "string" ? value : undefined;
  });
  // A key no object inherits: in parsed JSON (whose records inherit only Object.prototype's
  // members), a value found under it is an own property, with no second lookup to ask.
  const neverInherited = keys.map((key) => !(key in Object.prototype));
  // A bounded walk counts a record's values by its own keys, so it needs every own key checked
  // once: an exact record whose keys are all distinct (every record of the feature codec today).
  const boundable = exact && counted.every((c) => c);
  let fieldChecks: Check[] | undefined;
  let fieldIsLeaf: boolean[] | undefined;
  return (u, pending) => {
    if (!isRecord(u)) return false;
    if (fieldChecks === undefined) {
      fieldChecks = fields.map((f) => checkOf(f.codec));
      fieldIsLeaf = fieldChecks.map((check) => leaves.has(check));
    }
    const childLevel = pending.level + 1;
    if (pending.bounded) {
      if (!boundable) return false;
      if (childLevel > pending.maxLevel && hasOwnKey(u)) return tooBig(pending);
    }
    pending.leafLevel = childLevel;
    let own = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = u[key];
      if ((pending.plainJson && value !== undefined && neverInherited[i]!) || hasOwn.call(u, key)) {
        if (counted[i]!) own++;
      } else if (!optional[i]!) return false;
      // Inherited (a polluted prototype): io-ts reads it, and the limits count only own keys, so
      // a bounded walk leaves the record to be measured and decoded the plain way.
      else if (pending.bounded && value !== undefined) return false;
      // io-ts ignores an optional field whose value is undefined, whatever its codec says of it.
      if (optional[i]! && value === undefined) continue;
      const literal = literals[i];
      if (pending.freeze && literal !== undefined && value === literal) {
        // JSON.parse gives each longer string of each record its own copy ("comparison.in" is 32
        // bytes per node): in the loader's own parse, the tag is replaced by the codec's one
        // string, the same value, shared by every node of the tag. It is checked already.
        (u as Record<string, unknown>)[key] = literal;
        continue;
      }
      if (fieldIsLeaf![i]!) {
        // A leaf is checked before the count of own keys below can notice an inherited field
        // taken for an own one, and one that holds an object is measured: only an own one may be.
        if (pending.bounded && typeof value === "object" && value !== null && !hasOwn.call(u, key)) return false;
        if (!fieldChecks[i]!(value, pending)) return false;
        continue;
      }
      pending.checks.push(fieldChecks[i]!);
      pending.values.push(value);
      pending.levels.push(childLevel);
    }
    if (!exact) return accepted(u, pending);
    if (pending.plainJson) {
      // Parsed JSON has only enumerable own keys, so counting them says what the list of names
      // would, without building it: no key beyond the fields present.
      let count = 0;
      for (const name in u) if (hasOwn.call(u, name)) count++;
      if (count !== own) return false;
      // Every own key is a field checked above: its value is counted here, once.
      if ((pending.budget -= count) < 0) return tooBig(pending);
      return accepted(u, pending);
    }
    const present = Object.getOwnPropertyNames(u);
    if (present.length === own) return accepted(u, pending);
    for (const name of present) if (!names.has(name)) return false;
    return accepted(u, pending);
  };
}

/** A record or array accepted at its level: frozen now when the walk freezes (its children are pushed, and frozen as they are accepted). */
/**
 * Checks that push nothing and call nothing back into the walk (a scalar, a literal, a value
 * checked as is): a record or array runs them on the spot rather than through the stacks.
 */
const leaves = new WeakSet<Check>();

function leaf(check: Check): Check {
  leaves.add(check);
  return check;
}

function accepted(u: object, pending: Pending): true {
  if (pending.freeze) Object.freeze(u);
  return true;
}

function build(codec: Shaped): Check {
  // A codec that validates as is (./as-is.ts) answers with `is`: no io-ts result built. What it
  // accepts is a leaf of the walk (a JSON value may still be an object: frozen whole).
  if (isAsIs(codec)) {
    return leaf((u, pending) => {
      if (typeof u === "object" && u !== null && !sizedWithin(u, pending.leafLevel, pending)) return false;
      if (!codec.is(u)) return false;
      if (pending.freeze && typeof u === "object" && u !== null) deepFreeze(u);
      return true;
    });
  }
  const union = unionBehind(codec);
  if (union !== undefined) return unionCheck(union);
  const either = refOrLiteralOf(codec);
  if (either !== undefined) {
    const node = unionBehind(either.ref);
    if (node === undefined) return asked(codec);
    const ref = unionCheck(node);
    let literal: Check | undefined;
    return (u, pending) => (isRecord(u) ? ref(u, pending) : (literal ??= checkOf(either.otherwise))(u, pending));
  }
  switch (codec._tag) {
    case "ReadonlyType":
      return checkOf(codec.type!);
    case "ExactType": {
      const fields = fieldsOf(codec.type as Shaped);
      return fields === undefined ? asked(codec) : recordCheck(fields, true);
    }
    case "InterfaceType":
    case "PartialType":
    case "IntersectionType": {
      const fields = fieldsOf(codec);
      return fields === undefined ? asked(codec) : recordCheck(fields, false);
    }
    case "ArrayType":
    case "ReadonlyArrayType": {
      const item = codec.type!;
      let itemCheck: Check | undefined;
      let itemIsLeaf = false;
      return (u, pending) => {
        if (!Array.isArray(u)) return false;
        if (itemCheck === undefined) {
          itemCheck = checkOf(item);
          itemIsLeaf = leaves.has(itemCheck);
        }
        const childLevel = pending.level + 1;
        if (pending.bounded && u.length > 0) {
          if (childLevel > pending.maxLevel) return tooBig(pending);
          if ((pending.budget -= u.length) < 0) return tooBig(pending);
        }
        if (itemIsLeaf) {
          pending.leafLevel = childLevel;
          for (let i = 0; i < u.length; i++) if (!itemCheck(u[i], pending)) return false;
        } else {
          for (let i = 0; i < u.length; i++) {
            pending.checks.push(itemCheck);
            pending.values.push(u[i]);
            pending.levels.push(childLevel);
          }
        }
        return accepted(u, pending);
      };
    }
    case "LiteralType": {
      const value = codec.value;
      return leaf((u) => u === value);
    }
    case "StringType":
      return leaf((u) => typeof u === "string");
    case "BooleanType":
      return leaf((u) => typeof u === "boolean");
    default:
      return asked(codec);
  }
}

/** {@link unchangedOutcome}: io-ts would fail, or return a changed copy. */
export const CHANGED = 0;
/** A flag of {@link unchangedOutcome}: io-ts would return the input itself. */
export const UNCHANGED = 1;
/** A flag of {@link unchangedOutcome}: the document may hold watched nodes (see DeferredUnion.watched); without it, the walk saw every node and met none. */
export const WATCHED = 2;
/** A flag of {@link unchangedOutcome}: the walk froze the whole document (asked with `freeze`). */
export const FROZEN = 4;

/**
 * True only when `codec.decode(u)` would succeed and return `u` itself; false when it would fail
 * or return a changed copy (then decode with io-ts for the errors or the copy). Never throws for
 * plain data; it reads each field once per check, as io-ts does. With `plainJson`, the caller
 * vouches that `u` is what JSON.parse returned (records then have no non-enumerable keys, which
 * io-ts's exact codecs would also strip), and records are checked without listing their keys.
 */
export function decodesUnchanged(codec: t.Mixed, u: unknown, plainJson = false): boolean {
  return unchangedOutcome(codec, u, plainJson) !== CHANGED;
}

/**
 * {@link decodesUnchanged}'s answer, {@link CHANGED} or {@link UNCHANGED} with flags: whether the
 * document may hold a node of a watched tag (a prerequisite, an attribute read at load), and, with
 * `freeze`, whether the walk froze all of it. The walk that checks the document sees every node,
 * so a loader need not walk it again to learn that it holds none, nor to freeze it. `freeze` is
 * for a loader's own parse only (nobody else holds it): the walk freezes what it accepts even when
 * a later part is refused (io-ts then decodes a copy; it never writes to its input).
 */
export function unchangedOutcome(codec: t.Mixed, u: unknown, plainJson = false, freeze = false): number {
  return walk(codec, u, plainJson, freeze, 0, Infinity, Infinity);
}

/** {@link boundedOutcome}: the document passes a limit (too deep, or too many values). */
export const TOO_BIG = -1;

/**
 * {@link unchangedOutcome} for a document that JSON.parse just returned (`plainJson`, `freeze`),
 * lying at `level` in a larger one (a bundle's feature: 2), with the input limits checked on the
 * way: {@link TOO_BIG} when a value lies deeper than `maxLevel` or the document holds more than
 * `budget` values below itself (it is counted by its container). The walk that checks a document
 * sees every value, so a bundle needs no walk of its own for its limits (runtime/decode/limits.ts's
 * walk: `FeatureStore.fromBundle` of 10,000 features takes about 6 ms less, 2026-12-04). A value a
 * codec checks whole (a JSON value, a codec asked as it is) is measured before it is checked,
 * since that check recurses. On {@link CHANGED} the count stops where the walk did: measure the
 * document before decoding it otherwise. {@link walkBudgetLeft} tells the values left.
 */
export function boundedOutcome(codec: t.Mixed, u: unknown, level: number, maxLevel: number, budget: number): number {
  return walk(codec, u, true, true, level, maxLevel, budget);
}

/** What the budget of the last {@link boundedOutcome} left: the values the rest of the document may hold. */
export function walkBudgetLeft(): number {
  return lastBudget;
}
let lastBudget = Infinity;

function walk(codec: t.Mixed, u: unknown, plainJson: boolean, freeze: boolean, level: number, maxLevel: number, budget: number): number {
  // One record and set of stacks for every call (a bundle asks once per feature); a call made
  // while one runs (a check that decodes, through a codec asked as it is) gets its own, which only
  // such a document pays for.
  const outermost = !sharedInUse;
  const pending: Pending = outermost ? shared : freshPending();
  sharedInUse = true;
  pending.plainJson = plainJson;
  pending.noted = false;
  pending.freeze = freeze;
  pending.opaque = false;
  pending.maxLevel = maxLevel;
  pending.budget = budget;
  pending.bounded = maxLevel !== Infinity || budget !== Infinity;
  pending.tooBig = false;
  pending.checks.push(checkOf(codec));
  pending.values.push(u);
  pending.levels.push(level);
  let peak = 0;
  try {
    while (pending.checks.length > 0) {
      const check = pending.checks.pop()!;
      pending.level = pending.leafLevel = pending.levels.pop()!;
      if (!check(pending.values.pop(), pending)) return pending.tooBig ? TOO_BIG : CHANGED;
      if (pending.checks.length > peak) peak = pending.checks.length;
    }
    return UNCHANGED | (pending.noted ? WATCHED : 0) | (freeze && !pending.opaque ? FROZEN : 0);
  } finally {
    lastBudget = pending.budget;
    if (outermost) {
      sharedInUse = false;
      // Emptied by popping, not cut with `length =`, which would give up the arrays' storage and
      // make the next feature's check grow it again; cut only after a very large document, so
      // that one hostile input does not keep a big stack alive.
      if (peak > KEPT_STACK || pending.checks.length > KEPT_STACK) {
        pending.checks.length = 0;
        pending.values.length = 0;
        pending.levels.length = 0;
      }
      while (pending.checks.length > 0) {
        pending.checks.pop();
        pending.values.pop();
        pending.levels.pop();
      }
    }
  }
}

function freshPending(): Pending {
  return {
    checks: [],
    values: [],
    levels: [],
    plainJson: false,
    noted: false,
    freeze: false,
    opaque: false,
    level: 0,
    leafLevel: 0,
    maxLevel: Infinity,
    budget: Infinity,
    bounded: false,
    tooBig: false,
  };
}

const shared: Pending = freshPending();
let sharedInUse = false;

/** Up to this height the shared stacks keep their storage between calls. */
const KEPT_STACK = 4096;
