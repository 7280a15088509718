import { RE2JS } from "re2js";
import { literalPattern, literalTest } from "./literal";

/**
 * Regex dialect: RE2 syntax, as PyOF's Rust `regex` crate reads it. Every pattern runs on a
 * linear-time engine (re2js, a pure-JavaScript port of RE2), so no input can make a match take
 * more than time proportional to its length, whatever the pattern. No flags: `^` and `$` anchor the
 * whole text, `.` matches any code point but `\n`; inline flags (`(?i)`, `(?s)`, `(?m)`) switch
 * them per pattern, as in Rust.
 */
export interface CompiledPattern {
  /** An unanchored search (Rust's `Regex::is_match`); the pattern's own `^`/`$` anchor it. */
  readonly test: (input: string) => boolean;
  /** Which engine answers: a literal string test, decided at compile time, or re2js. */
  readonly engine: "literal" | "re2";
}

/** Longer patterns are rejected: no real targeting rule needs them, hostile input might. */
export const MAX_PATTERN_LENGTH = 1024;

/** Syntax JavaScript knows that RE2 (and so PyOF) refuses, to explain a refusal. */
const JS_ONLY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\(\?<[=!]/, "lookbehind"],
  [/\(\?[=!]/, "lookahead"],
  [/\\[1-9]/, "a backreference"],
  [/\\k</, "a named backreference"],
  [/[*+?}]\+/, "a possessive quantifier"],
];

/** Compiles a pattern validated by {@link patternProblem} (throws on one it refuses). */
export function compilePattern(pattern: string): CompiledPattern {
  const literal = literalPattern(pattern);
  if (literal !== undefined) return { test: literalTest(literal), engine: "literal" };
  const re = RE2JS.compile(pattern);
  return { test: (input) => re.test(input), engine: "re2" };
}

/** Why `pattern` cannot be used (too long, or not RE2 syntax), or undefined when it compiles. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `regular expression is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`;
  }
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const jsOnly = JS_ONLY.find(([probe]) => probe.test(pattern));
    const hint = jsOnly === undefined ? "" : ` (${jsOnly[1]} is JavaScript syntax that RE2 and PyOF's Rust regex engine refuse: they guarantee linear time by leaving it out)`;
    return `invalid regular expression ${JSON.stringify(pattern)}: ${reason}${hint}; patterns use RE2 syntax, see https://github.com/google/re2/wiki/Syntax`;
  }
}
