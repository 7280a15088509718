import { notAString, stringTest } from "./shapes/string-test";

/** `str.endswith`: A string attribute ends with value (case-sensitive). False for other types. */
export const endsWith = stringTest("str.endswith", "A string attribute ends with value (case-sensitive).", (read, literal) => (ctx) => {
  const a = read(ctx);
  return typeof a === "string" ? a.endsWith(literal) : notAString(a);
});
