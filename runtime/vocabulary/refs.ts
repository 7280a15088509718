import * as t from "io-ts";
import type { Attribute, TimeAttribute, VersionAttribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";

/*
 * Late-bound references to the union codecs. A descriptor whose node holds classifiers or
 * attributes names its children through these; runtime/model/classifier.ts and attribute.ts build
 * the unions from the descriptors and bind them here. Without the indirection each descriptor
 * would import the module that imports it, and which one loaded first would decide what broke.
 */

type Bound<A> = { codec: t.Type<A, A, unknown> | undefined };

function lateBound<A>(name: string, slot: Bound<A>): t.Type<A, A, unknown> {
  return t.recursion<A>(name, () => {
    if (slot.codec === undefined) throw new Error(`${name} was used before runtime/model bound it`);
    return slot.codec;
  });
}

const classifierSlot: Bound<Classifier> = { codec: undefined };
const attributeSlot: Bound<Attribute> = { codec: undefined };
const versionSlot: Bound<VersionAttribute> = { codec: undefined };
const timeSlot: Bound<TimeAttribute> = { codec: undefined };

/** Any classifier (the union of every classifier descriptor's codec). */
export const ClassifierRefC = lateBound("Classifier", classifierSlot);
/** Any attribute. */
export const AttributeRefC = lateBound("Attribute", attributeSlot);
/** An attribute that yields a version. */
export const VersionAttributeRefC = lateBound("VersionAttribute", versionSlot);
/** An attribute that yields an instant. */
export const TimeAttributeRefC = lateBound("TimeAttribute", timeSlot);

/** Called once by runtime/model/classifier.ts. */
export function bindClassifierCodec(codec: t.Type<Classifier, Classifier, unknown>): void {
  classifierSlot.codec = codec;
}

/** Called once by runtime/model/attribute.ts. */
export function bindAttributeCodecs(
  any: t.Type<Attribute, Attribute, unknown>,
  version: t.Type<VersionAttribute, VersionAttribute, unknown>,
  time: t.Type<TimeAttribute, TimeAttribute, unknown>,
): void {
  attributeSlot.codec = any;
  versionSlot.codec = version;
  timeSlot.codec = time;
}
