import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `random.session`. */
export const sessionRandom: AttributeView<AttributeOf<"random.session">> = {
  tag: "random.session",
  describe: (node) => (node.salt === undefined ? "sessionRandom" : `sessionRandom(${JSON.stringify(node.salt)})`),
  // PyOF's files hold only the unsalted draw; a salted one is imported as a raw rule.
  dsl: (node) => (node.salt === undefined ? { call: "sessionRandom()", name: "sessionRandom", yields: "number" } : undefined),
  kind: "uniform",
};
