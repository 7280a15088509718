import fc from "fast-check";
import { RE2JS } from "re2js";
import { compilePattern, literalPattern, patternProblem } from "../../../runtime/regex";
import { OfflineFeature } from "../../../runtime";
import { FUZZ_TIMEOUT_MS, fuzzOptions } from "../../support/fuzz";

/*
 * Every pattern runs in linear time: literals on string operations, everything else on re2js.
 * These tests pin the guarantee (catastrophic patterns answer at once), the literal fast path's
 * agreement with the engine, and RE2 semantics where they differ from JavaScript's RegExp.
 */

const CATASTROPHIC: readonly (readonly [string, string])[] = [
  ["^(a+)+$", "a".repeat(32) + "!"],
  ["(a|a)*b", "a".repeat(40)],
  ["^(\\w+\\s?)*$", "hello world ".repeat(8) + "!"],
  ["^(.*a){20}$", "a".repeat(40) + "b"],
];

function regexFeature(attribute: object, pattern: string): OfflineFeature {
  return OfflineFeature.loads(
    JSON.stringify({ type: "offline-feature", buckets: [{ name: "hit", classifier: { __type: "re.match", attribute, value: pattern }, value: true }], default: false }),
    { key: "redos" },
  );
}

describe("catastrophic patterns answer in linear time (each would take minutes on a backtracking engine)", () => {
  it.each(CATASTROPHIC)("%s on the hostname, overridden by the context", (pattern, input) => {
    expect(regexFeature({ __type: "socket.hostname" }, pattern).evaluate({ hostname: input })).toMatchObject({ bucket: "default", reason: "DEFAULT" });
  }, 5_000);

  it.each(CATASTROPHIC)("%s on context.string", (pattern, input) => {
    expect(regexFeature({ __type: "context.string", name: "path" }, pattern).evaluate({ path: input })).toMatchObject({ bucket: "default", reason: "DEFAULT" });
  }, 5_000);

  it("a 10 MB input against a nested pattern still answers", () => {
    const feature = regexFeature({ __type: "context.string", name: "path" }, "^(\\w+\\s?)*$");
    expect(feature.evaluate({ path: "ab ".repeat(3_500_000) + "!" }).bucket).toBe("default");
    expect(feature.evaluate({ path: "ab ".repeat(3_500_000) }).bucket).toBe("hit");
  }, 20_000);
});

describe("RE2 semantics (as PyOF's Rust engine), where JavaScript's RegExp differs", () => {
  it.each([
    ["an unanchored search", "ovo", "lenovo-7", true],
    ["^ anchors the text, not a line", "^b", "a\nb", false],
    ["$ anchors the end of text, not before a final newline", "a$", "a\n", false],
    [". does not match a newline", "^a.b$", "a\nb", false],
    [". matches an astral code point whole", "^.$", "😀", true],
    ["(?s) lets . match a newline", "(?s)^a.b$", "a\nb", true],
    ["(?i) is case-insensitive (JavaScript has no inline flags)", "(?i)^LEN", "lenovo", true],
    ["\\d is ASCII", "^\\d$", "٣", false],
    ["\\w is ASCII", "^\\w$", "é", false],
    ["\\pL is a Unicode class", "^\\pL+$", "é", true],
    ["\\x{41} is a code point escape", "^\\x{41}$", "A", true],
    ["[[:alpha:]] is a POSIX class", "^[[:alpha:]]+$", "abc", true],
    ["\\z ends the text", "a\\z", "a", true],
  ] as const)("%s: %s on %j", (_what, pattern, input, expected) => {
    expect(compilePattern(pattern).test(input)).toBe(expected);
  });
});

describe("the literal fast path", () => {
  it.each([
    ["len", { text: "len", anchor: "anywhere" }],
    ["^len", { text: "len", anchor: "start" }],
    ["\\.example\\.com$", { text: ".example.com", anchor: "end" }],
    ["^$", { text: "", anchor: "whole" }],
    ["^a\\$", { text: "a$", anchor: "start" }],
    ["^a\\\\$", { text: "a\\", anchor: "whole" }],
    [".*len", { text: "len", anchor: "anywhere" }],
    ["len.*", { text: "len", anchor: "anywhere" }],
    ["^len.*", { text: "len", anchor: "start" }],
    [".*\\.com$", { text: ".com", anchor: "end" }],
    ["^len.+", { text: "len", anchor: "start+char" }],
    ["^.+", { text: "", anchor: "start+char" }],
    ["^len.*$", { text: "len", anchor: "start+line" }],
    ["^len.+$", { text: "len", anchor: "start+some+line" }],
    ["(?s)^len.+", { text: "len", anchor: "start+some" }],
    ["(?s)^len.+$", { text: "len", anchor: "start+some" }],
    ["(?s)^len.*$", { text: "len", anchor: "start" }],
    ["(?s)len", { text: "len", anchor: "anywhere" }],
    ["^a\\\\.+", { text: "a\\", anchor: "start+char" }],
  ] as const)("%s is the literal %j", (pattern, expected) => {
    expect(literalPattern(pattern)).toEqual(expected);
    expect(compilePattern(pattern).engine).toBe("literal");
  });

  it.each(["len.+", "^len.*?", "^len\\.+", "^.*len", ".*len.*$", "(?i)^len.+", "(?m)^len.+", "a|b", "a*", "(a)", "[a]", "a{2}", "\\d", "\\x{41}", "(?i)a", "😀"])("%s goes to the engine", (pattern) => {
    expect(literalPattern(pattern)).toBeUndefined();
    expect(compilePattern(pattern).engine).toBe("re2");
  });

  // Patterns and inputs over a small alphabet full of syntax, so that literals, near-literals and
  // anchors collide often; the engine is the reference.
  const patternChar = fc.constantFrom("a", "b", ".", "^", "$", "\\", "\\.", "\\$", "\\^", "\\\\", "*", "+", ".*", ".+", "\n", "é", "-", "{", "}", "(", ")", "|");
  const inputChar = fc.constantFrom("a", "b", ".", "^", "$", "\\", "\n", "é", "-", "{", "😀", "\ud800", "\udc00");
  const randomPattern = fc.array(patternChar, { maxLength: 8 }).map((parts) => parts.join(""));
  // The shapes the fast path proves, and their near misses: a flag, a start, literal text, a tail, an end.
  const shapedPattern = fc
    .tuple(
      fc.constantFrom("", "", "(?s)", "(?i)", "(?m)"),
      fc.constantFrom("", "^", ".*", "^.*"),
      fc.array(fc.constantFrom("a", "b", "\\.", "\\\\", "\n", "é", "-"), { maxLength: 4 }).map((parts) => parts.join("")),
      fc.constantFrom("", ".*", ".+", "\\.+", ".?", "*", "+", ".*?"),
      fc.constantFrom("", "$", "\\$"),
    )
    .map((parts) => parts.join(""));
  const inputArb = fc.array(inputChar, { maxLength: 10 }).map((parts) => parts.join(""));

  /** Inputs near the pattern: its text unescaped, and that text with inputs before and after it. */
  function nearInputs(pattern: string, inputs: readonly string[]): string[] {
    const text = pattern.replace(/^\(\?s\)|^\^|\$$/g, "").replace(/\\(.)/g, "$1");
    const bare = pattern.replace(/[\^$]|\.[*+]|\(\?[sim]\)/g, "").replace(/\\(.)/g, "$1");
    // What follows a prefix decides `.+` and `.*$`: a newline, an astral code point, a lone surrogate.
    const after = ["", "\n", "a\n", "\na", "😀", "\ud800", "\udc00", ...inputs];
    return [pattern, text, ...inputs, ...[bare, text].flatMap((lit) => after.flatMap((input) => [lit + input, input + lit]))];
  }

  it("agrees with re2js on random patterns and inputs", () => {
    let literals = 0;
    fc.assert(
      fc.property(fc.oneof(randomPattern, shapedPattern), fc.array(inputArb, { minLength: 1, maxLength: 5 }), (pattern, inputs) => {
        if (patternProblem(pattern) !== undefined) return;
        const compiled = compilePattern(pattern);
        if (compiled.engine !== "literal") return;
        literals++;
        const reference = RE2JS.compile(pattern);
        for (const input of nearInputs(pattern, inputs)) {
          if (compiled.test(input) !== reference.test(input)) throw new Error(`pattern ${JSON.stringify(pattern)} on ${JSON.stringify(input)}: fast path ${compiled.test(input)}, re2js ${reference.test(input)}`);
        }
      }),
      fuzzOptions(3_000),
    );
    expect(literals).toBeGreaterThan(500);
  }, FUZZ_TIMEOUT_MS);

  it("proves every shape in its table on generated patterns", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(shapedPattern, (pattern) => {
        if (patternProblem(pattern) !== undefined) return;
        const literal = literalPattern(pattern);
        if (literal !== undefined) seen.add(literal.anchor);
      }),
      fuzzOptions(3_000),
    );
    expect([...seen].sort()).toEqual(["anywhere", "end", "start", "start+char", "start+line", "start+some", "start+some+line", "whole"]);
  });
});

describe("patternProblem", () => {
  it("accepts what RE2 compiles and explains JavaScript-only syntax", () => {
    expect(patternProblem("^len.+")).toBeUndefined();
    expect(patternProblem("(?=a)")).toMatch(/lookahead is JavaScript syntax .* refuse/);
    expect(patternProblem("(?=a)")).toContain("https://github.com/google/re2/wiki/Syntax");
  });
});
