import { notAString, stringTest } from "./shapes/string-test";

/** `str.startswith`: A string attribute starts with value (case-sensitive). False for other types. */
export const startsWith = stringTest("str.startswith", "A string attribute starts with value (case-sensitive).", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.startsWith(literal) : notAString(a);
});
