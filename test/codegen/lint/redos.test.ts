import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { findRedosRisk, type RedosRisk } from "../../../codegen/lint";
import { analyseRedos, MAX_DEPTH, MAX_STEPS } from "../../../codegen/lint/redos";

/** Golden cases: `[pattern, risky]`. Patterns are JS regex sources as compiled with the `u` flag. */
function loadCases(): readonly (readonly [string, boolean])[] {
  const raw: unknown = JSON.parse(readFileSync(join(__dirname, "../../fixtures/redos-cases.json"), "utf8"));
  if (!Array.isArray(raw)) throw new Error("redos-cases.json must be an array");
  return raw.map((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string" || typeof entry[1] !== "boolean") {
      throw new Error(`bad case ${JSON.stringify(entry)}`);
    }
    return [entry[0], entry[1]] as const;
  });
}

const cases = loadCases();
const risky = cases.filter(([, r]) => r).map(([p]) => p);

/** A risk must describe the pattern it was given and point into it. */
function expectWellFormed(pattern: string, risk: RedosRisk | undefined): void {
  if (risk === undefined) return;
  expect(risk.pattern).toBe(pattern);
  expect(pattern.includes(risk.fragment)).toBe(true);
  expect(risk.reason).toMatch(/^[a-z ]+: .+/);
}

/** Work allowed for a pattern: the budget plus the largest single tick (bounded by the length). */
const stepBound = (pattern: string): number => MAX_STEPS + 4 * pattern.length + 64;

describe("findRedosRisk golden cases", () => {
  it("has enough cases of each kind", () => {
    expect(risky.length).toBeGreaterThanOrEqual(25);
    expect(cases.length - risky.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map(([p]) => p)).size).toBe(cases.length);
  });

  it.each(cases)("%s is a valid u-flag regex", (pattern) => {
    expect(() => new RegExp(pattern, "u")).not.toThrow();
  });

  it.each(cases)("%s -> risky: %s", (pattern, isRisky) => {
    const risk = findRedosRisk(pattern);
    expect(risk !== undefined).toBe(isRisky);
    expectWellFormed(pattern, risk);
  });

  it.each(risky)("%s stays risky when grouped, anchored or given a suffix", (pattern) => {
    expect(findRedosRisk(`^(?:${pattern})`)).toBeDefined();
    expect(findRedosRisk(`${pattern}x`)).toBeDefined();
  });
});

describe("findRedosRisk reports", () => {
  it("explains a nested quantifier", () => {
    expect(findRedosRisk("^(a+)+$")).toEqual({
      pattern: "^(a+)+$",
      fragment: "(a+)+",
      reason: 'nested quantifier: "(a+)+" repeats a group that itself repeats ("a+"), which backtracks exponentially on a near-match',
    });
  });

  it("explains a bounded outer repeat as polynomial", () => {
    const risk = findRedosRisk("(.*a){12}");
    expect(risk?.fragment).toBe("(.*a){12}");
    expect(risk?.reason).toMatch(/^nested quantifier: .*\(".\*"\).*n\^12/);
  });

  it("explains an overlapping alternation", () => {
    const risk = findRedosRisk("^(a|aa)+$");
    expect(risk?.fragment).toBe("(a|aa)+");
    expect(risk?.reason).toMatch(/^overlapping alternation: "\(a\|aa\)\+" .*"a" and "aa"/);
  });

  it("explains adjacent repeats with a readable fragment", () => {
    expect(findRedosRisk("^.*.*=.*$")).toMatchObject({ fragment: ".*.*", reason: expect.stringMatching(/^adjacent quantifiers: /) });
    expect(findRedosRisk("^(.*?)(\\d+)$")?.fragment).toBe("(.*?)(\\d+)");
  });

  it("needs something that can fail after adjacent repeats", () => {
    expect(findRedosRisk("\\d+\\d+")).toBeUndefined();
    expect(findRedosRisk("\\d+\\d+$")?.fragment).toBe("\\d+\\d+");
    expect(findRedosRisk("\\d+\\d+(?=x)")).toBeDefined();
  });

  it("does not flag repeats separated by a character they cannot match", () => {
    expect(findRedosRisk("^[a-z]+-\\d+$")).toBeUndefined();
    expect(findRedosRisk("^[a-z]+-[a-z]+$")).toBeUndefined();
    expect(findRedosRisk("^[a-z]+[a-z-]+$")).toBeDefined();
  });

  it("treats a lookaround as atomic for the loop around it but analyses its body", () => {
    expect(findRedosRisk("^(?:(?=a+)a)+$")).toBeUndefined();
    expect(findRedosRisk("(?=(a+)+b)")?.fragment).toBe("(a+)+");
    expect(findRedosRisk("(?<!(\\w|\\d)+)x")?.fragment).toBe("(\\w|\\d)+");
  });

  it("handles escapes, classes and Unicode code points", () => {
    expect(findRedosRisk("^[\\u{1F600}-\\u{1F64F}]+\\u{1F600}+$")).toBeDefined(); // overlapping astral ranges
    expect(findRedosRisk("^[\\u{1F600}-\\u{1F60F}]+\\u{1F610}+$")).toBeUndefined(); // disjoint astral ranges
    expect(findRedosRisk("^\\uD83D\\uDE00+[^\\uD83D\\uDE00]+$")).toBeUndefined(); // escaped pair is one code point
    expect(findRedosRisk("^[\\d-]+\\s+$")).toBeUndefined();
    expect(findRedosRisk("^[^\\d]+\\d+$")).toBeUndefined();
    expect(findRedosRisk("^[\\w.]+\\.+$")).toBeDefined();
  });

  it("over-approximates large classes, also when negated", () => {
    // 200 excluded code points, every other one from U+4E00: "\u4E01" stays in the negated class.
    const excluded = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + 2 * i)).join("");
    expect(findRedosRisk(`^[^${excluded}]+\u4E01+$`)).toBeDefined();
    expect(findRedosRisk(`^[${excluded}]+\u4E00+$`)).toBeDefined();
    expect(findRedosRisk(`^[${excluded}]+[a-z]+$`)).toBeUndefined();
  });

  it.each(["(", "((a)", ")", "a{", "a{2,1}", "a**", "*a", "[z-a]", "[\\d-z]", "\\-", "(?i:a)", "(?=a)*", "^*", "\\u{110000}", "\\c1", "a]", "x}"])(
    "returns undefined for %s, which is not a valid u-flag regex",
    (pattern) => {
      expect(() => new RegExp(pattern, "u")).toThrow();
      const result = analyseRedos(pattern);
      expect(result.parsed).toBe(false);
      expect(result.risk).toBeUndefined();
    },
  );
});

describe("findRedosRisk robustness", () => {
  it("reports hostile nesting instead of recursing", () => {
    for (const pattern of ["(".repeat(100_000), "(?:".repeat(100_000) + "a" + ")".repeat(100_000), "(?=".repeat(50_000)]) {
      const result = analyseRedos(pattern);
      expect(result.risk?.reason).toMatch(/^too deeply nested: /);
      expectWellFormed(pattern, result.risk);
      expect(result.steps).toBeLessThan(10 * MAX_DEPTH);
    }
  });

  it("analyses nesting up to the depth limit and reports one level more", () => {
    const nest = (depth: number): string => "(".repeat(depth) + "a" + ")".repeat(depth);
    expect(analyseRedos(nest(MAX_DEPTH))).toMatchObject({ parsed: true, risk: undefined });
    expect(findRedosRisk(nest(MAX_DEPTH + 1))?.reason).toMatch(/^too deeply nested: /);
  });

  it("gives up with a report when a pattern exceeds the work budget", () => {
    // 5000 alternatives sharing a first character but diverging later: every pair must be compared.
    const pattern = `(?:${Array.from({ length: 5000 }, (_, i) => `a${String.fromCodePoint(0x4e00 + i)}`).join("|")})+`;
    const result = analyseRedos(pattern);
    expect(result.risk?.reason).toMatch(/^too complex: /);
    expect(result.steps).toBeLessThanOrEqual(stepBound(pattern));
  });

  it("does near-linear work as patterns grow", () => {
    const shapes: ((n: number) => string)[] = [
      (n) => "^" + "(?:[a-z]+-\\d+)?".repeat(n) + "$",
      (n) => "a?".repeat(n) + "b",
      (n) => `(?:${Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("|")})+$`,
      (n) => "(?:(?:a+b)+c)+d".repeat(n),
      (n) => "[a-z]".repeat(n) + "\\p{L}".repeat(n),
    ];
    for (const shape of shapes) {
      const small = analyseRedos(shape(2000)).steps;
      const large = analyseRedos(shape(4000)).steps;
      expect(large).toBeLessThan(2.2 * small);
      expect(large).toBeLessThan(MAX_STEPS / 2);
    }
  });

  it("never throws and stays within the step bound on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })), (pattern) => {
        const result = analyseRedos(pattern);
        expect(result.steps).toBeLessThanOrEqual(stepBound(pattern));
        expectWellFormed(pattern, result.risk);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  const token = fc.constantFrom(
    "(", ")", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<g>", "|", "*", "+", "?", "*?", "{2}", "{1,}", "{0,3}", "{",
    "}", "[", "]", "[^", "-", "^", "$", ".", "\\", "\\d", "\\w", "\\s", "\\D", "\\b", "\\1", "\\k<g>", "\\p{L}",
    "\\u{1F600}", "\\u0041", "\\x41", "\\n", "a", "b", "x", ",", "0", "9", "😀",
  );
  const metaPattern = fc.array(token, { maxLength: 40 }).map((ts) => ts.join(""));

  it("never throws on strings built from regex syntax, and parses every valid u-flag regex", () => {
    let valid = 0;
    fc.assert(
      fc.property(metaPattern, (pattern) => {
        const result = analyseRedos(pattern);
        expect(result.steps).toBeLessThanOrEqual(stepBound(pattern));
        expectWellFormed(pattern, result.risk);
        let isValid = true;
        try {
          new RegExp(pattern, "u");
        } catch {
          isValid = false;
        }
        if (isValid) {
          valid++;
          expect(result.parsed).toBe(true);
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(100); // the generator really exercises the parser on valid input
  });

  it("never flags an escaped literal string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const pattern = `^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`;
        expect(() => new RegExp(pattern, "u")).not.toThrow();
        expect(findRedosRisk(pattern)).toBeUndefined();
      }),
      { seed: 42 },
    );
  });
});
