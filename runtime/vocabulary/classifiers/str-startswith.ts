import type { NodeSchema } from "../../schema/types";
import { notAString, stringTest, stringTestSchema } from "./shapes/string-test";

/** `str.startswith`: A string attribute starts with value (case-sensitive). False for other types. */
export const startsWith = stringTest("str.startswith", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.startsWith(literal) : notAString(a);
});

/** The JSON Schema of `str.startswith` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const startsWithSchema = (): NodeSchema => stringTestSchema("A string attribute starts with value (case-sensitive).");
