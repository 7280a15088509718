import { notAString, stringTest } from "./shapes/string-test";

/** `str.contains`: A string attribute contains value (case-sensitive). False for other types. */
export const contains = stringTest("str.contains", "A string attribute contains value (case-sensitive).", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.includes(literal) : notAString(a);
});
