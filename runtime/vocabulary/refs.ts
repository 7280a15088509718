import * as t from "io-ts";
import type { Attribute, TimeAttribute, VersionAttribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";

/*
 * Late-bound references to the union codecs. A descriptor whose node holds classifiers or
 * attributes names its children through these; runtime/model/classifier.ts and attribute.ts build
 * the unions from the descriptors and bind them here. Without the indirection each descriptor
 * would import the module that imports it, and which one loaded first would decide what broke.
 * classifier.ts loads attribute.ts itself (classifiers hold attributes), so whatever reaches
 * ClassifierC, FeatureC or decodeFeature has every reference bound.
 *
 * The references are also where decoding stops recursing: runtime/decode/rule-tree.ts decodes a
 * rule tree with an explicit stack, and when a node's field holds one of these references it
 * pushes the child instead of calling into it.
 */

/** How the iterative decoder treats a reference: which member decodes a value, or that the value is already decoded. */
export interface DeferredUnion {
  /**
   * The member codec for `u`, or the union's failure (not a record, no tag, an unknown tag, a wrong
   * kind). For a record, the choice depends on its `__type` tag alone (the decoder's fast path,
   * runtime/decode/unchanged.ts, remembers it per tag).
   */
  readonly select: (u: unknown, c: t.Context) => t.Validation<t.Mixed>;
  /** True when `u` came out of this codec before, so it is taken as it is. */
  readonly decoded: (u: unknown) => boolean;
  /**
   * True for a tag whose nodes a loader must find after decoding (a prerequisite, for the graph
   * checks; an attribute read at load, which makes its feature compile at load). The fast path
   * notes when it meets one (runtime/decode/unchanged.ts), so that a feature holding none is not
   * walked again for them.
   */
  readonly watched?: (tag: string) => boolean;
}

interface Slot<A> {
  codec: t.Type<A, A, unknown> | undefined;
  union: DeferredUnion | undefined;
}

const deferred = new Map<t.Mixed, Slot<unknown>>();

function lateBound<A>(name: string): { readonly ref: t.Type<A, A, unknown>; readonly slot: Slot<A> } {
  const slot: Slot<A> = { codec: undefined, union: undefined };
  const ref = t.recursion<A>(name, () => {
    if (slot.codec === undefined) throw new Error(`${name} was used before runtime/model bound it`);
    return slot.codec;
  });
  deferred.set(ref, slot as Slot<unknown>);
  return { ref, slot };
}

const classifier = lateBound<Classifier>("Classifier");
const attribute = lateBound<Attribute>("Attribute");
const version = lateBound<VersionAttribute>("VersionAttribute");
const time = lateBound<TimeAttribute>("TimeAttribute");

/** Any classifier (the union of every classifier descriptor's codec). */
export const ClassifierRefC = classifier.ref;
/** Any attribute. */
export const AttributeRefC = attribute.ref;
/** An attribute that yields a version. */
export const VersionAttributeRefC = version.ref;
/** An attribute that yields an instant. */
export const TimeAttributeRefC = time.ref;

/** The deferred union behind a reference codec, if `codec` is one. */
export function deferredUnion(codec: t.Mixed): DeferredUnion | undefined {
  return deferred.get(codec)?.union;
}

/** The union codecs themselves (ClassifierC, AttributeC, …), which decode with the same unions as their references. */
const unionCodecs = new Map<t.Mixed, DeferredUnion>();

/**
 * The deferred union behind `codec`: a reference's, or the one a union codec bound here decodes
 * with. For the decoder's fast path (runtime/decode/unchanged.ts), which treats both alike.
 */
export function unionBehind(codec: t.Mixed): DeferredUnion | undefined {
  return deferredUnion(codec) ?? unionCodecs.get(codec);
}

const never = () => false;

/** Called once by runtime/model/classifier.ts. */
export function bindClassifierCodec(codec: t.Type<Classifier, Classifier, unknown>, union: DeferredUnion): void {
  classifier.slot.codec = codec;
  classifier.slot.union = union;
  unionCodecs.set(codec, union);
}

/** Called once by runtime/model/attribute.ts. */
export function bindAttributeCodecs(
  any: { readonly codec: t.Type<Attribute, Attribute, unknown>; readonly select: DeferredUnion["select"] },
  versions: { readonly codec: t.Type<VersionAttribute, VersionAttribute, unknown>; readonly select: DeferredUnion["select"] },
  times: { readonly codec: t.Type<TimeAttribute, TimeAttribute, unknown>; readonly select: DeferredUnion["select"] },
  watched: (tag: string) => boolean,
): void {
  attribute.slot.codec = any.codec;
  attribute.slot.union = { select: any.select, decoded: never, watched };
  version.slot.codec = versions.codec;
  version.slot.union = { select: versions.select, decoded: never, watched };
  time.slot.codec = times.codec;
  time.slot.union = { select: times.select, decoded: never, watched };
  for (const slot of [attribute.slot, version.slot, time.slot]) unionCodecs.set(slot.codec!, slot.union!);
}

/** A field that holds either a reference (when its value is an object) or a literal of `otherwise`. */
export interface RefOrLiteral {
  readonly ref: t.Mixed;
  readonly otherwise: t.Mixed;
}
const refOrLiterals = new Map<t.Mixed, RefOrLiteral>();

/**
 * A codec for a field that holds a node when its value is an object, and a literal of `otherwise`
 * when it is not (`bool.none`'s value). The iterative decoder pushes the node as a child.
 */
export function refOrLiteral<A, L>(name: string, ref: t.Type<A, A, unknown>, otherwise: t.Type<L, L, unknown>): t.Type<A | L, A | L, unknown> {
  const codec = new t.Type<A | L, A | L, unknown>(
    name,
    (u): u is A | L => ref.is(u) || otherwise.is(u),
    (u, c) => (typeof u === "object" && u !== null && !Array.isArray(u) ? ref.validate(u, c) : otherwise.validate(u, c)),
    t.identity,
  );
  refOrLiterals.set(codec, { ref, otherwise });
  return codec;
}

/** The parts of a {@link refOrLiteral} codec, if `codec` is one. */
export function refOrLiteralOf(codec: t.Mixed): RefOrLiteral | undefined {
  return refOrLiterals.get(codec);
}
