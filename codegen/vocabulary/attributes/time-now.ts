import type { AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";

/** How codegen reads, writes and analyses `time.now`. */
export const now: AttributeView<AttributeOf<"time.now">> = {
  tag: "time.now",
  describe: () => "now",
  dsl: () => undefined,
  kind: "opaque",
};
