import * as t from "io-ts";
import { validatesAsIs } from "./as-is";

/** The JSON key that tags every classifier and attribute node, as PyOF writes it. */
export const TAG = "__type";

function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

/** Edit distance, bounded by the lengths involved; tags are short. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name a typo most likely meant: within 3 edits (and the name is not absurdly long). */
export function closest(tag: string, known: readonly string[]): string | undefined {
  if (tag.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    // The distance is at least the difference in length: a candidate that far off cannot win.
    if (Math.abs(tag.length - candidate.length) >= bestDistance) continue;
    const d = distance(tag, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** A codec of a tagged union that can also say which member decodes a value, without decoding it. */
export interface TaggedUnionType<A> extends t.Type<A, A, unknown> {
  /** The member codec for `u`, or the failure the union reports for it (not a record, no tag, an unknown tag). */
  readonly select: (u: unknown, c: t.Context) => t.Validation<t.Mixed>;
}

/**
 * A union discriminated by `__type`. Unlike `t.union`, it looks at the tag first and decodes with
 * that one member only, so a bad node yields one precise error
 * (`…value[0].__type: unknown classifier "comparison.lte2"`) instead of one error per member.
 *
 * @param noun what the members are called in error messages ("classifier", "attribute").
 */
export function taggedUnion<M extends Readonly<Record<string, t.Mixed>>>(name: string, noun: string, members: M): TaggedUnionType<t.TypeOf<M[keyof M]>> {
  type A = t.TypeOf<M[keyof M]>;
  const known = Object.keys(members).sort();
  const memberFor = (u: unknown): t.Mixed | undefined => {
    if (!isRecord(u)) return undefined;
    const tag = u[TAG];
    return typeof tag === "string" && Object.prototype.hasOwnProperty.call(members, tag) ? members[tag] : undefined;
  };
  const select = (u: unknown, c: t.Context): t.Validation<t.Mixed> => {
    if (!isRecord(u)) return t.failure(u, c, `expected ${article(noun)} ${noun} object with a "${TAG}" tag, found ${u === undefined ? "nothing" : u === null ? "null" : Array.isArray(u) ? "an array" : typeof u}`);
    const tag = u[TAG];
    const tagContext = t.appendContext(c, TAG, t.string, tag);
    if (typeof tag !== "string") return t.failure(tag, tagContext, `expected ${article(noun)} ${noun} tag (one of ${known.join(", ")})`);
    const member = memberFor(u);
    if (member === undefined) {
      const near = closest(tag, known);
      const hint = near === undefined ? `expected one of ${known.join(", ")}` : `did you mean "${near}"?`;
      return t.failure(tag, tagContext, `unknown ${noun} ${JSON.stringify(tag)}; ${hint}`);
    }
    return t.success(member);
  };
  const codec = new t.Type<A, A, unknown>(
    name,
    (u): u is A => memberFor(u)?.is(u) === true,
    (u, c) => {
      const member = select(u, c);
      return member._tag === "Left" ? member : (member.right.validate(u, c) as t.Validation<A>);
    },
    (a) => {
      const member = memberFor(a);
      return member === undefined ? a : (member.encode(a) as A);
    },
  );
  return Object.assign(codec, { select });
}

/** A string refined by a check that explains itself; `check` returns the problem, or undefined. */
export function checkedString(name: string, check: (s: string) => string | undefined): t.Type<string, string, unknown> {
  return validatesAsIs(new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === "string" && check(u) === undefined,
    (u, c) => {
      if (typeof u !== "string") return t.failure(u, c);
      const problem = check(u);
      return problem === undefined ? t.success(u) : t.failure(u, c, problem);
    },
    t.identity,
  ));
}

/** A node codec: an exact record (unknown keys are dropped) whose fields are read-only. */
export function node<P extends t.Props>(tag: string, props: P) {
  return t.readonly(t.exact(t.type(props)), tag);
}

/** A node codec with optional fields: like {@link node}, and `optional` fields may be absent. */
export function nodeWithOptional<P extends t.Props, O extends t.Props>(tag: string, props: P, optional: O) {
  return t.readonly(t.exact(t.intersection([t.type(props), t.partial(optional)])), tag);
}
