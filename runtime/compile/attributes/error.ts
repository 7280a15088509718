import type { AttributeOf } from "../../model/attribute";
import type { AttributeDefinition } from "../types";

/** `error`: always fails, so tests can drive the "error makes the bucket a non-match" rule. */
export const errorAttribute: AttributeDefinition<AttributeOf<"error">> = {
  processConstant: true,
  compile: (_node, scope) => {
    const failure = scope.error("ATTRIBUTE_ERROR", "the error attribute always fails to evaluate");
    return () => failure;
  },
};
