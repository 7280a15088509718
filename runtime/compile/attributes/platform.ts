import type { AttributeOf } from "../../model/attribute";
import { describeFound } from "../../describe-value";
import type { AttributeDefinition } from "../types";

/** `process.platform`: the context's `processPlatform` if given, else Node's `process.platform`. */
export const platform: AttributeDefinition<AttributeOf<"process.platform">> = {
  processConstant: true,
  compile: (_node, scope) => {
    const own = process.platform;
    return (ctx) => {
      const given = ctx.processPlatform;
      if (given === undefined) return own;
      return typeof given === "string"
        ? given
        : scope.error("TYPE_MISMATCH", `context "processPlatform" must be a string, found ${describeFound(given)}`);
    };
  },
};
