import { absurd } from "fp-ts/function";

/**
 * The native fast path: a pattern that is only literal text, optionally anchored with `^` and/or
 * `$`, is answered with `startsWith`, `endsWith`, `includes` or `===`. Those are linear by
 * construction and never touch a backtracking engine. The decision is made once, at compile time,
 * by this parser; anything it is unsure of goes to the linear engine (re2js). A property test checks
 * that both give the same answer on random patterns and inputs.
 */

/** Where the literal must sit in the input. */
export type LiteralAnchor = "anywhere" | "start" | "end" | "whole";

/** A pattern proven to be plain text plus anchors. */
export interface LiteralPattern {
  readonly text: string;
  readonly anchor: LiteralAnchor;
}

/**
 * Characters RE2 gives a meaning to outside a class. `{` and `}` are here too, though RE2 reads an
 * incomplete repeat as text: the fast path does not need to know which.
 */
const META = new Set(["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]);

/** Punctuation RE2 reads as itself after a backslash (a subset: only what META holds, plus a few). */
const ESCAPABLE = new Set([...META, "-", "/", "#", "&", "~", "=", "!", ":", ",", "<", ">", "'", '"', "@", "%", "_", ";", "`"]);

/** Whether `code` is a UTF-16 surrogate: such patterns are left to the engine, which reads code points. */
function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/**
 * The literal `pattern` stands for, or undefined when it uses any regex syntax beyond `^` first,
 * `$` last and backslash-escaped punctuation. Iterative and linear in the pattern's length.
 */
export function literalPattern(pattern: string): LiteralPattern | undefined {
  let start = 0;
  let end = pattern.length;
  const anchoredStart = pattern.startsWith("^");
  if (anchoredStart) start = 1;
  // A trailing `$` anchors unless it is escaped (`\$`): count the backslashes before it.
  let anchoredEnd = false;
  if (end > start && pattern[end - 1] === "$") {
    let backslashes = 0;
    for (let i = end - 2; i >= start && pattern[i] === "\\"; i--) backslashes++;
    if (backslashes % 2 === 0) {
      anchoredEnd = true;
      end--;
    }
  }
  let text = "";
  for (let i = start; i < end; i++) {
    const ch = pattern[i]!;
    if (isSurrogate(ch.charCodeAt(0))) return undefined;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined || i + 1 >= end || !ESCAPABLE.has(next)) return undefined;
      text += next;
      i++;
    } else if (META.has(ch)) {
      return undefined;
    } else {
      text += ch;
    }
  }
  const anchor: LiteralAnchor = anchoredStart ? (anchoredEnd ? "whole" : "start") : anchoredEnd ? "end" : "anywhere";
  return { text, anchor };
}

/** The test for a literal pattern: linear string operations only. */
export function literalTest({ text, anchor }: LiteralPattern): (input: string) => boolean {
  switch (anchor) {
    case "anywhere":
      return (input) => input.includes(text);
    case "start":
      return (input) => input.startsWith(text);
    case "end":
      return (input) => input.endsWith(text);
    case "whole":
      return (input) => input === text;
    default:
      return absurd(anchor);
  }
}
