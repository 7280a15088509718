/**
 * Regex dialect. PyOF's Rust `Regex::is_match` is an unanchored search over Unicode text; JavaScript's
 * `RegExp#test` with the `u` flag is the closest match (`^` anchors, `.` matches a code point).
 * Patterns are compiled once at load; this is the only place that picks the flags.
 */
export const PATTERN_FLAGS = "u";

/** Longer patterns are rejected: no real targeting rule needs them, hostile input might. */
export const MAX_PATTERN_LENGTH = 1024;

/** Compiles a pattern validated by {@link patternProblem}. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, PATTERN_FLAGS);
}

/** Why `pattern` cannot be used, or undefined when it compiles. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `regular expression is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`;
  }
  try {
    compilePattern(pattern);
    return undefined;
  } catch (e) {
    return `invalid regular expression ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
