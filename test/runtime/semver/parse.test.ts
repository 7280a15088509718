import fc from "fast-check";
import { MAX_SEMVER_LENGTH, parseSemVer } from "../../../runtime/semver";
import cases from "../../fixtures/semver-cases.json";
import { formatSemVer, semVerArbitrary } from "./arbitraries";
import { fuzzOptions } from "../../support/fuzz";

describe("parseSemVer", () => {
  it.each(cases.valid)("parses $input", ({ input, expected }) => {
    expect(parseSemVer(input)).toEqual(expected);
  });

  it.each(cases.invalid)("rejects $input ($why)", ({ input }) => {
    expect(parseSemVer(input)).toBeUndefined();
  });

  it(`accepts exactly ${MAX_SEMVER_LENGTH} characters and no more`, () => {
    const atLimit = "1.0.0+" + "a".repeat(MAX_SEMVER_LENGTH - 6);
    expect(atLimit).toHaveLength(MAX_SEMVER_LENGTH);
    expect(parseSemVer(atLimit)?.build).toEqual(["a".repeat(MAX_SEMVER_LENGTH - 6)]);
    expect(parseSemVer(atLimit + "a")).toBeUndefined();
  });

  it("rejects huge hostile input", () => {
    expect(parseSemVer("1.0.0-" + "a.".repeat(500_000) + "!")).toBeUndefined();
  });

  it("round-trips parse(format(v)), with and without the v prefix", () => {
    fc.assert(
      fc.property(semVerArbitrary, (v) => {
        const text = formatSemVer(v);
        expect(parseSemVer(text)).toEqual(v);
        expect(parseSemVer("v" + text)).toEqual(v);
      }),
      { seed: 42 },
    );
  });

  it("only accepts canonical text: format(parse(s)) gives s back (minus a leading v)", () => {
    const tokens = fc.constantFrom("0", "1", "01", "12", "a", "Z", "-", ".", "+", "v", "_", " ");
    const tokenSoup = fc.array(tokens, { maxLength: 12 }).map((t) => t.join(""));
    // Single-character edits of valid versions land right next to the grammar's edges.
    const nearMiss = fc
      .tuple(semVerArbitrary, fc.nat(), fc.constantFrom(..."0a.-+_ v"), fc.boolean())
      .map(([v, at, ch, remove]) => {
        const text = formatSemVer(v);
        const i = at % (text.length + 1);
        return text.slice(0, i) + (remove ? "" : ch) + text.slice(remove ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(tokenSoup, nearMiss), (s) => {
        const parsed = parseSemVer(s);
        if (parsed !== undefined) expect(formatSemVer(parsed)).toBe(s.replace(/^v/, ""));
      }),
      fuzzOptions(1_500),
    );
  });
});
