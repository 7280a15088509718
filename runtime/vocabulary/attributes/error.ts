import type { AttributeDescriptor } from "../types";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "error";

/** `error`: always fails, so tests can drive the "error makes the bucket a non-match" rule end to end (PyOF `error`). */
export const errorAttribute: AttributeDescriptor<BareNode<typeof tag>, "nothing", undefined> = {
  tag,
  codec: bareCodec(tag),
  schema: { description: "Always fails to evaluate (for tests).", properties: {}, required: [] },
  processConstant: true,
  yields: "nothing",
  compile: (_node, scope) => {
    const failure = scope.error("ATTRIBUTE_ERROR", "the error attribute always fails to evaluate");
    return () => failure;
  },
};
