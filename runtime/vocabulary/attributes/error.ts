import type { NodeSchema } from "../../schema/types";
import type { AttributeDescriptor } from "../types";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "error";

/** `error`: always fails, so tests can drive the "error makes the bucket a non-match" rule end to end (PyOF `error`). */
export const errorAttribute: AttributeDescriptor<BareNode<typeof tag>, "nothing", undefined> = {
  tag,
  codec: bareCodec(tag),
  processConstant: true,
  yields: "nothing",
  compile: (_node, scope) => {
    const failure = scope.error("ATTRIBUTE_ERROR", "the error attribute always fails to evaluate");
    return () => failure;
  },
};

/** The JSON Schema of `error` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const errorAttributeSchema = (): NodeSchema => ({ description: "Always fails to evaluate (for tests).", properties: {}, required: [] });
