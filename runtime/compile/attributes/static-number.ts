import type { AttributeOf } from "../../model/attribute";
import type { AttributeDefinition } from "../types";

/** `static.number`: the literal itself. */
export const staticNumber: AttributeDefinition<AttributeOf<"static.number">> = {
  processConstant: true,
  compile: (node) => {
    const value = node.value;
    return () => value;
  },
};
