import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `socket.hostname`. */
export const hostname: AttributeView<AttributeOf<"socket.hostname">> = {
  tag: "socket.hostname",
  describe: () => "hostname",
  dsl: () => ({ call: "hostname()", name: "hostname", yields: "string" }),
  // Process attributes are fixed per process but unknown at gen time: analysis lists them.
  kind: "opaque",
};
