import fc from "fast-check";
import { parseSemVer, type SemVer } from "../../../runtime/semver";
import { MAX_RANGE_LENGTH, parseRange, rangeProblem, satisfies } from "../../../runtime/semver/range";
import cases from "../../fixtures/semver-range-cases.json";
import { formatSemVer, semVerArbitrary } from "./arbitraries";

function version(text: string): SemVer {
  const v = parseSemVer(text);
  if (v === undefined) throw new Error(`fixture is not valid SemVer: ${text}`);
  return v;
}

describe("satisfies", () => {
  it.each(cases.ranges)("$range is satisfied by exactly its listed versions", ({ range, satisfiedBy }) => {
    const parsed = parseRange(range);
    expect(parsed).toBeDefined();
    const matched = cases.versions.filter((v) => satisfies(version(v), parsed!));
    expect(matched).toEqual(satisfiedBy);
  });

  it("keeps the text it was parsed from", () => {
    expect(parseRange("^20.10 || >=22")?.text).toBe("^20.10 || >=22");
  });

  it("admits a prerelease only through a comparator on the same core", () => {
    expect(satisfies(version("21.0.0-nightly"), parseRange(">=20")!)).toBe(false);
    expect(satisfies(version("21.0.0-nightly"), parseRange(">=21.0.0-a")!)).toBe(true);
    expect(satisfies(version("21.0.1-nightly"), parseRange(">=21.0.0-a")!)).toBe(false);
  });

  it("ignores build metadata", () => {
    expect(satisfies(version("20.1.2+build.7"), parseRange("=20.1.2")!)).toBe(true);
  });

  it("matches every release with *", () => {
    fc.assert(
      fc.property(semVerArbitrary, (v) => {
        expect(satisfies(v, parseRange("*")!)).toBe(v.prerelease.length === 0);
      }),
      { seed: 42 },
    );
  });

  it("agrees with its own comparators: v satisfies =v, >=v and <=v, and not >v or <v", () => {
    fc.assert(
      fc.property(semVerArbitrary, (v) => {
        const text = formatSemVer({ ...v, build: [] });
        expect(satisfies(v, parseRange(`=${text}`)!)).toBe(true);
        expect(satisfies(v, parseRange(`>=${text}`)!)).toBe(true);
        expect(satisfies(v, parseRange(`<=${text}`)!)).toBe(true);
        expect(satisfies(v, parseRange(`>${text}`)!)).toBe(false);
        expect(satisfies(v, parseRange(`<${text}`)!)).toBe(false);
      }),
      { seed: 42 },
    );
  });
});

describe("rangeProblem", () => {
  it.each(cases.invalid)("refuses $range ($why)", ({ range }) => {
    expect(parseRange(range)).toBeUndefined();
    expect(rangeProblem(range)).toEqual(expect.any(String));
  });

  it("explains hyphen ranges and empty alternatives", () => {
    expect(rangeProblem("1 - 2")).toMatch(/hyphen ranges are not supported.*>=A <=B/);
    expect(rangeProblem(">=20 ||")).toMatch(/empty alternative/);
    expect(rangeProblem("latest")).toMatch(/invalid comparator "latest"/);
    expect(rangeProblem("x".repeat(MAX_RANGE_LENGTH + 1))).toMatch(/limit is 256/);
  });

  it("accepts every valid range in the fixture", () => {
    for (const { range } of cases.ranges) expect(rangeProblem(range)).toBeUndefined();
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const problem = rangeProblem(text);
        expect(problem === undefined || typeof problem === "string").toBe(true);
      }),
      { seed: 42 },
    );
  });
});
