import type { NodeSchema } from "../../schema/types";
import { describeFound } from "../../describe-value";
import type { AttributeDescriptor } from "../types";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "process.platform";

/** `process.platform`: the context's `processPlatform` if given, else Node's `process.platform` ("linux", "darwin", "win32", …). */
export const platform: AttributeDescriptor<BareNode<typeof tag>, "string", undefined> = {
  tag,
  codec: bareCodec(tag),
  processConstant: true,
  yields: "string",
  compile: (_node, scope) => {
    const own = process.platform;
    const site = scope.errorSite();
    return (ctx) => {
      const given = ctx.processPlatform;
      if (given === undefined) return own;
      return typeof given === "string"
        ? given
        : site.error("TYPE_MISMATCH", `context "processPlatform" must be a string, found ${describeFound(given)}`);
    };
  },
};

/** The JSON Schema of `process.platform` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const platformSchema = (): NodeSchema => ({ description: "Node's process.platform; the context's `processPlatform` overrides it.", properties: {}, required: [] });
