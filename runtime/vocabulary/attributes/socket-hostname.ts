import { processHostname } from "../../compile/ambient";
import { describeFound } from "../../describe-value";
import type { AttributeDescriptor } from "../types";
import type { Scope } from "../../compile/types";
import type { EvaluationError } from "../../evaluate/details";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "socket.hostname";

/** `socket.hostname`: the context's `hostname` if given, else the machine's, read once per process (PyOF `socket.hostname`). */
export const hostname: AttributeDescriptor<BareNode<typeof tag>, "string", undefined> = {
  tag,
  codec: bareCodec(tag),
  schema: { description: "The machine's hostname; the context's `hostname` overrides it.", properties: {}, required: [] },
  processConstant: true,
  yields: "string",
  compile: (_node, scope) => (ctx) => {
    const given = ctx.hostname;
    if (given === undefined) return processHostname();
    return typeof given === "string" ? given : notAString(scope, given);
  },
};

/** Out of line, so that the getter stays small enough for V8 to inline into its operator. */
function notAString(scope: Scope, given: unknown): EvaluationError {
  return scope.error("TYPE_MISMATCH", `context "hostname" must be a string, found ${describeFound(given)}`);
}
