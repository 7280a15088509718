import { EvaluationError } from "../../evaluate/details";
import type { TimeComparisonNode } from "../../model/classifier";
import { parseInstant } from "../../time/instant";
import type { OperatorCompiler } from "../types";

/**
 * `time.before` / `time.after` share one shape: the literal is parsed to epoch milliseconds once
 * at load; each evaluation compares the time attribute's milliseconds with it. The codec only lets
 * time attributes and valid instants through; an attribute error propagates.
 */
export function instantOrder<N extends TimeComparisonNode>(holds: (at: number, instant: number) => boolean): OperatorCompiler<N> {
  return (node, scope) => {
    const read = scope.at("attribute").attribute(node.attribute);
    const instant = parseInstant(node.value);
    if (instant === undefined) {
      const invalid = scope.at("value").error("TYPE_MISMATCH", `not an RFC 3339 instant: ${JSON.stringify(node.value)}`);
      return () => invalid;
    }
    return (ctx) => {
      const a = read(ctx);
      if (typeof a === "number") return holds(a, instant);
      return a instanceof EvaluationError ? a : false;
    };
  };
}
