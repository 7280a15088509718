import type { NodeSchema } from "../../schema/types";
import { processHostname } from "../../compile/ambient";
import { describeFound } from "../../describe-value";
import type { AttributeDescriptor } from "../types";
import type { ErrorSite } from "../../compile/types";
import type { EvaluationError } from "../../evaluate/details";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "socket.hostname";

/** The machine's hostname under `hostname` reads as no context: the getter falls back to it. */
const HOSTNAME_PIN = Object.freeze({ key: "hostname", pinnable: true } as const);

/** `socket.hostname`: the context's `hostname` if given, else the machine's, read once per process (PyOF `socket.hostname`). */
export const hostname: AttributeDescriptor<BareNode<typeof tag>, "string", undefined> = {
  tag,
  codec: bareCodec(tag),
  processConstant: true,
  yields: "string",
  ambientPin: () => HOSTNAME_PIN,
  compile: (_node, scope) => {
    const site = scope.errorSite();
    return (ctx) => {
      const given = ctx.hostname;
      if (given === undefined) return processHostname();
      return typeof given === "string" ? given : notAString(site, given);
    };
  },
};

/** Out of line, so that the getter stays small enough for V8 to inline into its operator. */
function notAString(site: ErrorSite, given: unknown): EvaluationError {
  return site.error("TYPE_MISMATCH", `context "hostname" must be a string, found ${describeFound(given)}`);
}

/** The JSON Schema of `socket.hostname` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const hostnameSchema = (): NodeSchema => ({ description: "The machine's hostname; the context's `hostname` overrides it.", properties: {}, required: [] });
