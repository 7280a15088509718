import { EvaluationError } from "../../../evaluate/details";
import type { VersionAttribute } from "../../../model/attribute";
import { VersionLiteralC } from "../../../model/fields";
import { compareSemVer } from "../../../semver/compare";
import { parseSemVer } from "../../../semver/parse";
import { ref, type NodeSchema } from "../../../schema/types";
import type { ClassifierDescriptor } from "../../types";
import { VersionAttributeRefC } from "../../refs";
import { versionOrderOfContext } from "./context-version-order";
import { attributeTestCodec, attributeTestSchema, readsAttribute, type AttributeTest } from "./reads-attribute";

/** A version comparison node: a version attribute and a SemVer literal. */
export type VersionComparisonNode<K extends string> = AttributeTest<K, VersionAttribute, string>;

/**
 * The `semver.*` operators share one shape: parse the literal once at load, then compare the
 * attribute's version with it by SemVer 2.0 precedence and test the order (-1, 0 or 1).
 * The codec only lets version attributes and valid literals through; an attribute error propagates.
 */
export function versionOrder<K extends string>(tag: K, holds: (order: -1 | 0 | 1) => boolean): ClassifierDescriptor<VersionComparisonNode<K>> {
  return {
    tag,
    codec: attributeTestCodec(tag, VersionAttributeRefC, VersionLiteralC),
    parts: readsAttribute(),
    compile: (node, scope) => {
      const at = scope.at("attribute");
      const key = at.directContextKey(node.attribute, "version");
      // Compiled before the literal is checked, as always; no getter when the operator reads the key itself.
      const read = key === undefined ? at.attribute(node.attribute) : undefined;
      const literal = parseSemVer(node.value);
      if (literal === undefined) {
        const invalid = scope.at("value").error("TYPE_MISMATCH", `not a SemVer version: ${JSON.stringify(node.value)}`);
        return () => invalid;
      }
      if (key !== undefined) return versionOrderOfContext(key, at.errorSite(), literal, holds);
      const getter = read!;
      return (ctx) => {
        const a = getter(ctx);
        if (typeof a !== "object") return false;
        return a instanceof EvaluationError ? a : holds(compareSemVer(a, literal));
      };
    },
  };
}

/** The JSON Schema of the version orderings (`semver.lt` and the like), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function versionOrderSchema(description: string): NodeSchema {
  return attributeTestSchema(`${description} by SemVer 2.0 precedence (a prerelease sorts before its release; build metadata is ignored).`, "versionAttribute", ref("version"));
}
