import * as t from "io-ts";
import { TAG, taggedUnion } from "../decode/tagged-union";
import { decodeRuleTree } from "../decode/rule-tree";
import { attributeDescriptors } from "../vocabulary/attributes";
import { byTag, mapByTag } from "../vocabulary/by-tag";
import { bindAttributeCodecs, type DeferredUnion } from "../vocabulary/refs";
import type { AttributeDescriptor, AttributeYield } from "../vocabulary/types";

/*
 * Attributes are the inputs a classifier reads. Each is a tagged record, exactly as the JSON
 * writes it, described once in runtime/vocabulary/attributes/<tag>.ts; this module assembles the
 * union and the tables from those descriptors.
 */

export { ContextNameC, contextNameProblem, EnvNameC, SaltC } from "./fields";
export type { UnitRandomNode } from "../vocabulary/attributes";

type AnyAttributeDescriptor = (typeof attributeDescriptors)[number];
type NodeOf<D> = D extends AttributeDescriptor<infer N, AttributeYield, string | undefined> ? N : never;

/** An attribute node: the closed union of every attribute record. */
export type Attribute = NodeOf<AnyAttributeDescriptor>;
/** The `__type` tag of an attribute. */
export type AttributeTag = Attribute["__type"];
/** The attribute record with tag `K`. */
export type AttributeOf<K extends AttributeTag> = Extract<Attribute, { readonly __type: K }>;

type TagsYielding<Y extends AttributeYield, D = AnyAttributeDescriptor> = D extends AttributeDescriptor<infer N, infer DY, string | undefined> ? (DY extends Y ? N["__type"] : never) : never;
type ContextTags<D = AnyAttributeDescriptor> = D extends AttributeDescriptor<infer N, AttributeYield, infer C> ? (C extends string ? N["__type"] : never) : never;
/** An attribute that yields a version (what the `semver.*` operators compare). */
export type VersionAttribute = AttributeOf<TagsYielding<"version">>;
/** An attribute that yields an instant (what `time.before` / `time.after` compare). */
export type TimeAttribute = AttributeOf<TagsYielding<"instant">>;
/** The attributes that read the evaluation context, and so type the generated getter's parameter. */
export type ContextAttribute = AttributeOf<ContextTags>;

/** Every attribute's descriptor, by tag. */
export const attributesByTag: { readonly [K in AttributeTag]: AttributeDescriptor<AttributeOf<K>> } = byTag(attributeDescriptors);

/** Every attribute's codec, by tag. */
export const attributeCodecs: { readonly [K in AttributeTag]: t.Type<AttributeOf<K>, AttributeOf<K>, unknown> } = mapByTag(attributeDescriptors, (d) => d.codec);

/** The descriptor of an attribute node (TypeScript cannot correlate a node with its tag's entry, hence the widening). */
export function attributeDescriptor(attribute: Attribute): AttributeDescriptor<Attribute> {
  return attributesByTag[attribute.__type] as AttributeDescriptor<Attribute>;
}

const never = () => false;

/** A codec that decodes a union's nodes, and what they hold, with an explicit stack (runtime/decode/rule-tree.ts). */
function iterative<A>(name: string, union: { readonly is: (u: unknown) => u is A; readonly encode: (a: A) => unknown; readonly select: DeferredUnion["select"] }): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(name, union.is, (u, c) => decodeRuleTree(u, c, { select: union.select, decoded: never }) as t.Validation<A>, union.encode as (a: A) => A);
}

const attributeUnion = taggedUnion("Attribute", "attribute", attributeCodecs);
/** io-ts codec for {@link Attribute}. */
export const AttributeC: t.Type<Attribute, Attribute, unknown> = iterative<Attribute>("Attribute", attributeUnion);

/**
 * The TypeScript type a context attribute requires in the evaluation context, for generated
 * getters: a version is passed as its string.
 */
export const contextValueType: { readonly [K in ContextAttribute["__type"]]: string } = Object.freeze(
  Object.fromEntries(attributeDescriptors.flatMap((d) => ("contextType" in d && d.contextType !== undefined ? [[d.tag, d.contextType]] : []))),
) as { readonly [K in ContextAttribute["__type"]]: string };

function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/**
 * A union of some attributes, for operators that need a particular kind of value (semver
 * operators need a version). An attribute of another kind gets a message that says what kind
 * was needed, rather than "unknown attribute".
 */
function attributeSubset<M extends Readonly<Record<string, t.Mixed>>>(name: string, noun: string, members: M) {
  const inner = taggedUnion(name, noun, members);
  const names = Object.keys(members).sort().join(", ");
  const select = (u: unknown, c: t.Context): t.Validation<t.Mixed> => {
    const tag = isRecord(u) ? u[TAG] : undefined;
    if (typeof tag === "string" && !Object.prototype.hasOwnProperty.call(members, tag) && Object.prototype.hasOwnProperty.call(attributeCodecs, tag)) {
      return t.failure(tag, t.appendContext(c, TAG, t.string, tag), `expected a ${noun} (one of ${names}), found the attribute "${tag}"`);
    }
    return inner.select(u, c);
  };
  return { is: inner.is, encode: inner.encode, select };
}

function codecsYielding<A extends Attribute>(yields: AttributeYield): { readonly [tag: string]: t.Type<A, A, unknown> } {
  return Object.fromEntries(attributeDescriptors.filter((d) => d.yields === yields).map((d) => [d.tag, d.codec])) as unknown as { readonly [tag: string]: t.Type<A, A, unknown> };
}

/** The attributes that yield a version, which the `semver.*` operators compare. */
export const versionAttributeCodecs = codecsYielding<VersionAttribute>("version");
/** io-ts codec for {@link VersionAttribute}. */
const versionUnion = attributeSubset("VersionAttribute", "version attribute", versionAttributeCodecs);
export const VersionAttributeC: t.Type<VersionAttribute, VersionAttribute, unknown> = iterative<VersionAttribute>("VersionAttribute", versionUnion);
/** True when the attribute yields a version (so the DSL writes `semver.*` rather than `comparison.*`). */
export function isVersionAttribute(attribute: Attribute): attribute is VersionAttribute {
  return attributeDescriptor(attribute).yields === "version";
}

/** The attributes that yield an instant (epoch milliseconds), which `time.before` / `time.after` compare. */
export const timeAttributeCodecs = codecsYielding<TimeAttribute>("instant");
/** io-ts codec for {@link TimeAttribute}. */
const timeUnion = attributeSubset("TimeAttribute", "time attribute", timeAttributeCodecs);
export const TimeAttributeC: t.Type<TimeAttribute, TimeAttribute, unknown> = iterative<TimeAttribute>("TimeAttribute", timeUnion);

bindAttributeCodecs(
  { codec: AttributeC, select: attributeUnion.select },
  { codec: VersionAttributeC, select: versionUnion.select },
  { codec: TimeAttributeC, select: timeUnion.select },
  // An attribute read at load makes its feature compile at load (runtime/offline-feature.ts).
  (tag) => Object.prototype.hasOwnProperty.call(attributesByTag, tag) && (attributesByTag as Readonly<Record<string, AttributeDescriptor<Attribute>>>)[tag]!.readAtLoad === true,
);
