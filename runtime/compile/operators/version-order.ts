import { EvaluationError } from "../../evaluate/details";
import type { VersionComparisonNode } from "../../model/classifier";
import { compareSemVer } from "../../semver/compare";
import { parseSemVer } from "../../semver/parse";
import type { OperatorCompiler } from "../types";

/**
 * The `semver.*` operators share one shape: parse the literal once at load, then compare the
 * attribute's version with it by SemVer 2.0 precedence and test the order (-1, 0 or 1).
 * The codec only lets version attributes and valid literals through; an attribute error propagates.
 */
export function versionOrder<N extends VersionComparisonNode>(holds: (order: -1 | 0 | 1) => boolean): OperatorCompiler<N> {
  return (node, scope) => {
    const read = scope.at("attribute").attribute(node.attribute);
    const literal = parseSemVer(node.value);
    if (literal === undefined) {
      const invalid = scope.at("value").error("TYPE_MISMATCH", `not a SemVer version: ${JSON.stringify(node.value)}`);
      return () => invalid;
    }
    return (ctx) => {
      const a = read(ctx);
      if (typeof a !== "object") return false;
      return a instanceof EvaluationError ? a : holds(compareSemVer(a, literal));
    };
  };
}
