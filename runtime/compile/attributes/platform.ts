import type { AttributeOf } from "../../model/attribute";
import { describeFound } from "../describe-found";
import type { AttributeDefinition } from "../types";

/** `process.platform`: the context's `platform` if given, else Node's `process.platform`. */
export const platform: AttributeDefinition<AttributeOf<"process.platform">> = {
  processConstant: true,
  compile: (_node, scope) => {
    const own = process.platform;
    return (ctx) => {
      const given = ctx.platform;
      if (given === undefined) return own;
      return typeof given === "string"
        ? given
        : scope.error("TYPE_MISMATCH", `context "platform" must be a string, found ${describeFound(given)}`);
    };
  },
};
