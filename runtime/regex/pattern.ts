import { installedRegexEngine } from "./engine";
import { literalPattern, literalTest } from "./literal";

/**
 * Regex dialect: RE2 syntax, as PyOF's Rust `regex` crate reads it. Every pattern runs in linear
 * time: a literal shape on string operations (./literal.ts), anything else on the installed
 * engine (./engine.ts; re2js under `offline-features/runtime`), so no input can make a match take
 * more than time proportional to its length, whatever the pattern.
 */
export interface CompiledPattern {
  /** An unanchored search (Rust's `Regex::is_match`); the pattern's own `^`/`$` anchor it. */
  readonly test: (input: string) => boolean;
  /** Which engine answers: `literal` (a string test, decided at compile time) or the installed engine's name (`re2`). */
  readonly engine: string;
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

/** Whether `pattern` needs a general engine: it is not one of the literal shapes the fast path proves. */
export function needsRegexEngine(pattern: string): boolean {
  return literalPattern(pattern) === undefined;
}

/**
 * Why `pattern` cannot be compiled in this process although it may be valid: it needs a general
 * engine and none is installed. Undefined when it can be compiled (or is refused for its syntax).
 */
export function missingEngineProblem(pattern: string): string | undefined {
  if (installedRegexEngine() !== undefined || !needsRegexEngine(pattern)) return undefined;
  return `the regular expression ${JSON.stringify(pattern)} needs a regex engine and none is installed: load the runtime through offline-features/runtime (or import offline-features/runtime/re2), or regenerate so the generated store imports the engine`;
}

/**
 * Compiles a pattern validated by {@link patternProblem}. Throws on one it refuses, and on one that
 * needs an engine when none is installed (see {@link missingEngineProblem}, which evaluation checks first).
 */
export function compilePattern(pattern: string): CompiledPattern {
  const literal = literalPattern(pattern);
  if (literal !== undefined) return { test: literalTest(literal), engine: "literal" };
  const engine = installedRegexEngine();
  if (engine === undefined) throw new Error(missingEngineProblem(pattern));
  return { test: engine.compile(pattern), engine: engine.name };
}

/**
 * Why `pattern` cannot be used (too long, or not RE2 syntax), or undefined when it compiles. With
 * no engine installed only the length is checked: a fast-path shape is valid RE2, and any other
 * pattern is accepted here and its bucket reports the missing engine when it is evaluated.
 */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `regular expression is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`;
  }
  const engine = installedRegexEngine();
  // Without an engine: the fast path's shapes are valid RE2 (the property test checks them against re2js).
  if (engine === undefined) return undefined;
  try {
    engine.compile(pattern);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const jsOnly = JS_ONLY.find(([probe]) => probe.test(pattern));
    const hint = jsOnly === undefined ? "" : ` (${jsOnly[1]} is JavaScript syntax that RE2 and PyOF's Rust regex engine refuse: they guarantee linear time by leaving it out)`;
    return `invalid regular expression ${JSON.stringify(pattern)}: ${reason}${hint}; patterns use RE2 syntax, see https://github.com/google/re2/wiki/Syntax`;
  }
}
