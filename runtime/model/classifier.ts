import * as t from "io-ts";
import { taggedUnion } from "../decode/tagged-union";
import { isDecoded } from "../decode/decoded";
import { decodeRuleTree } from "../decode/rule-tree";
import { classifierDescriptors } from "../vocabulary/classifiers";
import { byTag, mapByTag } from "../vocabulary/by-tag";
import { bindClassifierCodec } from "../vocabulary/refs";
import type { ClassifierDescriptor } from "../vocabulary/types";
import { isTaggedNode, type NoneLiteral } from "./fields";
// Classifiers hold attributes (lt's left side, re.match's string, …) through the late-bound
// references of runtime/vocabulary/refs.ts, which runtime/model/attribute.ts binds when it loads.
// Loading it here makes ClassifierC (and so FeatureC and decodeFeature) usable from any entry
// point: without it, a program that decodes a feature but never reaches attribute.ts some other
// way (the CLI's `import`, which loads no compiler) failed with "Attribute was used before
// runtime/model bound it". attribute.ts imports nothing of this module, so this adds no cycle.
import "./attribute";

/*
 * Classifiers are the rule nodes. Each tag is described once in
 * runtime/vocabulary/classifiers/<tag>.ts; this module assembles the closed union, its codec and
 * the table by tag from those descriptors.
 */

export { ScalarC, PatternC, VersionLiteralC, InstantLiteralC, type Scalar, type NoneLiteral } from "./fields";
export { FeatureKeyC } from "./feature-key";
export type {
  AttributeTest,
  ComparisonNode,
  InBucketNode,
  JunctionNode,
  MembershipNode,
  NoneNode,
  StringTestNode,
  TimeComparisonNode,
  VersionComparisonNode,
} from "../vocabulary/classifiers";

type NodeOf<D> = D extends ClassifierDescriptor<infer N> ? N : never;

/** A classifier: the closed union of rule nodes, tagged as the JSON tags them. */
export type Classifier = NodeOf<(typeof classifierDescriptors)[number]>;
/** The `__type` tag of a classifier. */
export type ClassifierTag = Classifier["__type"];
/** The classifier record with tag `K`. */
export type ClassifierOf<K extends ClassifierTag> = Extract<Classifier, { readonly __type: K }>;

/** Every classifier's descriptor, by tag. */
export const classifiersByTag: { readonly [K in ClassifierTag]: ClassifierDescriptor<ClassifierOf<K>> } = byTag(classifierDescriptors);

/** Every classifier's codec, by tag. */
export const classifierCodecs: { readonly [K in ClassifierTag]: t.Type<ClassifierOf<K>, ClassifierOf<K>, unknown> } = mapByTag(classifierDescriptors, (d) => d.codec);

/** The descriptor of a classifier node (TypeScript cannot correlate a node with its tag's entry, hence the widening). */
export function classifierDescriptor(node: Classifier): ClassifierDescriptor<Classifier> {
  return classifiersByTag[node.__type] as unknown as ClassifierDescriptor<Classifier>;
}

const union = taggedUnion("Classifier", "classifier", classifierCodecs);
// A rule the DSL already decoded (runtime/decode/decoded.ts) is not walked again.
const alreadyDecoded = (u: unknown): boolean => isDecoded(u, "classifier");

/** io-ts codec for {@link Classifier}; it decodes a rule tree with an explicit stack (runtime/decode/rule-tree.ts). */
export const ClassifierC: t.Type<Classifier, Classifier, unknown> = new t.Type<Classifier, Classifier, unknown>(
  "Classifier",
  union.is,
  (u, c) => decodeRuleTree(u, c, { select: union.select, decoded: alreadyDecoded }) as t.Validation<Classifier>,
  union.encode,
);

/** A prerequisite: the store checks the graph of these at load. */
const watched = (tag: string): boolean =>
  Object.prototype.hasOwnProperty.call(classifiersByTag, tag) && (classifiersByTag as Readonly<Record<string, ClassifierDescriptor<Classifier>>>)[tag]!.prerequisite !== undefined;

bindClassifierCodec(ClassifierC, { select: union.select, decoded: alreadyDecoded, watched });

/** True for a classifier node, false for a `bool.none` literal. */
export function isClassifier(value: Classifier | NoneLiteral): value is Classifier {
  return isTaggedNode(value);
}
