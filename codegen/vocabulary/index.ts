// Gen-time analysis compiles patterns (environment folding): re2js as the regex engine.
import "../../runtime/re2";
import type { Attribute, AttributeOf, AttributeTag } from "../../runtime/model/attribute";
import type { Classifier, ClassifierOf, ClassifierTag } from "../../runtime/model/classifier";
import { byTag } from "../../runtime/vocabulary/by-tag";
import type { AttributeView, ClassifierView } from "./types";
import { all } from "./classifiers/bool-all";
import { any } from "./classifiers/bool-any";
import { none } from "./classifiers/bool-none";
import { lt } from "./classifiers/comparison-lt";
import { lte } from "./classifiers/comparison-lte";
import { gt } from "./classifiers/comparison-gt";
import { gte } from "./classifiers/comparison-gte";
import { eq } from "./classifiers/comparison-eq";
import { ne } from "./classifiers/comparison-ne";
import { regex } from "./classifiers/re-match";
import { oneOf } from "./classifiers/comparison-in";
import { noneOf } from "./classifiers/comparison-notin";
import { startsWith } from "./classifiers/str-startswith";
import { endsWith } from "./classifiers/str-endswith";
import { contains } from "./classifiers/str-contains";
import { semverLt } from "./classifiers/semver-lt";
import { semverLte } from "./classifiers/semver-lte";
import { semverGt } from "./classifiers/semver-gt";
import { semverGte } from "./classifiers/semver-gte";
import { semverEq } from "./classifiers/semver-eq";
import { before } from "./classifiers/time-before";
import { after } from "./classifiers/time-after";
import { inBucket } from "./classifiers/feature-in-bucket";
import { staticNumber } from "./attributes/static-number";
import { hostname } from "./attributes/socket-hostname";
import { sessionRandom } from "./attributes/random-session";
import { errorAttribute } from "./attributes/error";
import { contextString } from "./attributes/context-string";
import { contextNumber } from "./attributes/context-number";
import { contextBoolean } from "./attributes/context-boolean";
import { contextVersion } from "./attributes/context-version";
import { contextTimestamp } from "./attributes/context-timestamp";
import { env } from "./attributes/process-env";
import { platform } from "./attributes/process-platform";
import { nodeVersion } from "./attributes/process-node-version";
import { now } from "./attributes/time-now";
import { unitRandom } from "./attributes/random-unit";

/*
 * Codegen's view of every tag, one file per tag. The lists below are checked against the
 * runtime's tags: a tag that has a runtime descriptor but no view here is a compile error that
 * names it (`Missing<…>`), so the next operator cannot ship without its JSDoc text, importer
 * rendering and analysis.
 */

const classifierViews = [all, any, none, lt, lte, gt, gte, eq, ne, regex, oneOf, noneOf, startsWith, endsWith, contains, semverLt, semverLte, semverGt, semverGte, semverEq, before, after, inBucket] as const;
const attributeViews = [staticNumber, hostname, sessionRandom, errorAttribute, contextString, contextNumber, contextBoolean, contextVersion, contextTimestamp, env, platform, nodeVersion, now, unitRandom] as const;

/** `true` when the list covers every tag, else the missing tags, which the `true` below then fails to match. */
type Complete<Tag extends string, Listed extends string> = [Exclude<Tag, Listed>] extends [never] ? true : { readonly missing: Exclude<Tag, Listed> };
const classifiersComplete: Complete<ClassifierTag, (typeof classifierViews)[number]["tag"]> = true;
const attributesComplete: Complete<AttributeTag, (typeof attributeViews)[number]["tag"]> = true;
void classifiersComplete;
void attributesComplete;

/** Every classifier's view, by tag. */
export const classifierViewsByTag: { readonly [K in ClassifierTag]: ClassifierView<ClassifierOf<K>> } = byTag(classifierViews);
/** Every attribute's view, by tag. */
export const attributeViewsByTag: { readonly [K in AttributeTag]: AttributeView<AttributeOf<K>> } = byTag(attributeViews);

/** The view of a classifier node (TypeScript cannot correlate a node with its tag's entry, hence the widening). */
export function classifierView(node: Classifier): ClassifierView<Classifier> {
  return classifierViewsByTag[node.__type] as unknown as ClassifierView<Classifier>;
}

/** The view of an attribute node. */
export function attributeView(attribute: Attribute): AttributeView<Attribute> {
  return attributeViewsByTag[attribute.__type] as unknown as AttributeView<Attribute>;
}
