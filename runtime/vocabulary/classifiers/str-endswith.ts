import type { NodeSchema } from "../../schema/types";
import { notAString, stringTest, stringTestSchema } from "./shapes/string-test";

/** `str.endswith`: A string attribute ends with value (case-sensitive). False for other types. */
export const endsWith = stringTest("str.endswith", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.endsWith(literal) : notAString(a);
});

/** The JSON Schema of `str.endswith` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const endsWithSchema = (): NodeSchema => stringTestSchema("A string attribute ends with value (case-sensitive).");
