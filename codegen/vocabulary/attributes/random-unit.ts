import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `random.unit`. */
export const unitRandom: AttributeView<AttributeOf<"random.unit">> = {
  tag: "random.unit",
  describe: (node, kit) => `unitRandom(${kit.attribute(node.attribute)}${node.salt === undefined ? "" : `, ${JSON.stringify(node.salt)}`})`,
  dsl: () => undefined,
  kind: "uniform",
};
