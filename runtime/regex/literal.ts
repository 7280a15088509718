import { absurd } from "fp-ts/function";

/**
 * The native fast path: a pattern that is literal text with at most an anchor or a trailing `.*`
 * or `.+` is answered with `startsWith`, `endsWith`, `includes`, `===`, a length test and a
 * newline search. Those are linear by construction and never touch a backtracking engine. The
 * decision is made once, at compile time, by this parser; anything it is unsure of goes to the
 * linear engine (re2js). A property test checks that both give the same answer on random patterns
 * and inputs.
 *
 * The shapes it proves (LIT is literal text: no syntax but backslash-escaped punctuation), with
 * RE2's defaults (`^` and `$` anchor the whole text, `.` is any code point but `\n`) and `(?s)`
 * (`.` is any code point) as the only inline flag it reads:
 *
 * | pattern | test |
 * |---|---|
 * | `LIT`, `.*LIT`, `LIT.*` | `includes(LIT)` |
 * | `^LIT`, `^LIT.*` | `startsWith(LIT)` |
 * | `LIT$`, `.*LIT$` | `endsWith(LIT)` |
 * | `^LIT$` | `=== LIT` |
 * | `^LIT.+` | `startsWith(LIT)` and the next code point is not `\n` |
 * | `^LIT.*$` | `startsWith(LIT)` and no `\n` after it |
 * | `^LIT.+$` | `startsWith(LIT)`, something after it, and no `\n` there |
 * | `(?s)^LIT.+`, `(?s)^LIT.+$` | `startsWith(LIT)` and something after it |
 *
 * A leading or trailing `.*` can match the empty string, so for a search it changes nothing (with
 * `(?s)` not even before `$`). `.+` after the prefix needs one more code point; a surrogate pair
 * is one code point and never `\n`, and LIT holds no surrogate, so testing the UTF-16 unit right
 * after the prefix is exact.
 */

/**
 * Where the literal must sit in the input, and what must follow a prefix:
 * - `anywhere`, `start`, `end`, `whole`: the literal is in the input, starts it, ends it, is it;
 * - `start+char`: starts it and is followed by a code point other than `\n` (`^LIT.+`);
 * - `start+some`: starts it and is followed by anything (`(?s)^LIT.+`);
 * - `start+line`: starts it and no `\n` follows (`^LIT.*$`);
 * - `start+some+line`: starts it, is followed by something, and no `\n` follows (`^LIT.+$`).
 */
export type LiteralAnchor = "anywhere" | "start" | "end" | "whole" | "start+char" | "start+some" | "start+line" | "start+some+line";

/** A pattern proven to be plain text plus anchors (and a trailing `.*` or `.+`). */
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

/** The only inline flag the fast path reads, and only as the pattern's first four characters. */
const DOT_ALL = "(?s)";

/** Whether `code` is a UTF-16 surrogate: such patterns are left to the engine, which reads code points. */
function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Whether `pattern[at]` stands for itself: an even number of backslashes before it, down to `from`. */
function unescaped(pattern: string, at: number, from: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= from && pattern[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The text of `pattern[start, end)` when it is literal (escaped punctuation read as itself), else undefined. */
function literalText(pattern: string, start: number, end: number): string | undefined {
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
  return text;
}

/**
 * The literal `pattern` stands for, or undefined when it is not one of the shapes above.
 * Iterative and linear in the pattern's length.
 */
export function literalPattern(pattern: string): LiteralPattern | undefined {
  let start = 0;
  let end = pattern.length;
  const dotAll = pattern.startsWith(DOT_ALL);
  if (dotAll) start = DOT_ALL.length;
  const anchoredStart = pattern.startsWith("^", start);
  if (anchoredStart) start++;
  // A leading `.*` of an unanchored search can match the empty string: it changes nothing.
  else if (pattern.startsWith(".*", start)) start += 2;
  // A trailing `$` anchors unless it is escaped (`\$`).
  let anchoredEnd = false;
  if (end > start && pattern[end - 1] === "$" && unescaped(pattern, end - 1, start)) {
    anchoredEnd = true;
    end--;
  }
  // A trailing `.*` or `.+`, the dot not escaped (`\.+` is a repeated literal dot).
  let tail: "none" | "*" | "+" = "none";
  const last = pattern[end - 1];
  if (end - start >= 2 && (last === "*" || last === "+") && pattern[end - 2] === "." && unescaped(pattern, end - 2, start)) {
    tail = last;
    end -= 2;
  }
  const text = literalText(pattern, start, end);
  if (text === undefined) return undefined;
  const anchor = anchorOf(anchoredStart, anchoredEnd, tail, dotAll);
  return anchor === undefined ? undefined : { text, anchor };
}

/** The anchor for the parsed parts, or undefined for a combination the fast path does not prove. */
function anchorOf(anchoredStart: boolean, anchoredEnd: boolean, tail: "none" | "*" | "+", dotAll: boolean): LiteralAnchor | undefined {
  switch (tail) {
    case "none":
      return anchoredStart ? (anchoredEnd ? "whole" : "start") : anchoredEnd ? "end" : "anywhere";
    case "*":
      // `.*` then the end of text: with `(?s)` it takes whatever is left; without, the rest must be one line.
      if (!anchoredEnd || dotAll) return anchoredStart ? "start" : "anywhere";
      return anchoredStart ? "start+line" : undefined;
    case "+":
      if (!anchoredStart) return undefined;
      if (dotAll) return "start+some";
      return anchoredEnd ? "start+some+line" : "start+char";
    default:
      return absurd(tail);
  }
}

const NEWLINE = 10;

/** The test for a literal pattern: linear string operations only. */
export function literalTest({ text, anchor }: LiteralPattern): (input: string) => boolean {
  const length = text.length;
  switch (anchor) {
    case "anywhere":
      return (input) => input.includes(text);
    case "start":
      return (input) => input.startsWith(text);
    case "end":
      return (input) => input.endsWith(text);
    case "whole":
      return (input) => input === text;
    case "start+char":
      // The length test first: charCodeAt past the end is NaN, which is not a newline either.
      return (input) => input.length > length && input.charCodeAt(length) !== NEWLINE && input.startsWith(text);
    case "start+some":
      return (input) => input.length > length && input.startsWith(text);
    case "start+line":
      return (input) => input.startsWith(text) && input.indexOf("\n", length) === -1;
    case "start+some+line":
      return (input) => input.length > length && input.startsWith(text) && input.indexOf("\n", length) === -1;
    default:
      return absurd(anchor);
  }
}
