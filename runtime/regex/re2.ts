import { RE2JS } from "re2js";
import type { RegexEngine } from "./engine";

/**
 * re2js, a pure-JavaScript port of RE2: linear time in the input whatever the pattern, and the
 * syntax of PyOF's Rust `regex` crate. No flags: `^` and `$` anchor the whole text, `.` matches
 * any code point but `\n`; inline flags (`(?i)`, `(?s)`, `(?m)`) switch them per pattern.
 */
export const re2Engine: RegexEngine = {
  name: "re2",
  compile: (pattern) => {
    const re = RE2JS.compile(pattern);
    return (input) => re.test(input);
  },
};
