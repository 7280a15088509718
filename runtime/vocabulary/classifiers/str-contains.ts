import type { NodeSchema } from "../../schema/types";
import { notAString, stringTest, stringTestSchema } from "./shapes/string-test";

/** `str.contains`: A string attribute contains value (case-sensitive). False for other types. */
export const contains = stringTest("str.contains", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.includes(literal) : notAString(a);
});

/** The JSON Schema of `str.contains` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const containsSchema = (): NodeSchema => stringTestSchema("A string attribute contains value (case-sensitive).");
