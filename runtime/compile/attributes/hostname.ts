import type { AttributeOf } from "../../model/attribute";
import { processHostname } from "../ambient";
import { describeFound } from "../../describe-value";
import type { AttributeDefinition } from "../types";

/** `socket.hostname`: the context's `hostname` if given, else the machine's, read once. */
export const hostname: AttributeDefinition<AttributeOf<"socket.hostname">> = {
  processConstant: true,
  compile: (_node, scope) => (ctx) => {
    const given = ctx.hostname;
    if (given === undefined) return processHostname();
    return typeof given === "string"
      ? given
      : scope.error("TYPE_MISMATCH", `context "hostname" must be a string, found ${describeFound(given)}`);
  },
};
