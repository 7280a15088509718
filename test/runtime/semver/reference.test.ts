import fc from "fast-check";
import semver from "semver";
import { compareSemVer, parseRange, parseSemVer, satisfies } from "../../../runtime/semver";
import { formatSemVer, semVerArbitrary } from "./arbitraries";
import { fuzzOptions } from "../../support/fuzz";

/*
 * Differential tests against `semver`, the parser npm itself uses. The runtime keeps its own small
 * SemVer (no dependency, strict, linear-time) for version rules and `node_versions`; here both
 * see the same generated inputs. The deliberate differences, each asserted below:
 *
 *   - surrounding whitespace: semver trims it (" 1.2.3 " is 1.2.3); the runtime refuses it, as a
 *     context value with spaces is more likely a bug than a version;
 *   - a numeric prerelease identifier above Number.MAX_SAFE_INTEGER: semver accepts the version
 *     and compares the identifier as an inexact number; the runtime refuses it, since it could
 *     not be compared exactly;
 *   - hyphen ranges ("1 - 2"): semver reads them; the runtime refuses them with a hint to write
 *     ">=1 <=2", rather than carry a second grammar for engine ranges.
 *
 * Precedence, prerelease handling and the desugaring of every range form the runtime accepts
 * (`^`, `~`, `~>`, x-ranges, primitives, `||`) agree exactly.
 */

const SEED = 20261202;
const MAX_SAFE = String(Number.MAX_SAFE_INTEGER);

describe("SemVer precedence and parsing against semver", () => {
  it("orders every pair of versions as semver.compare does (build metadata ignored)", () => {
    fc.assert(
      fc.property(semVerArbitrary, semVerArbitrary, (a, b) => {
        const [x, y] = [formatSemVer(a), formatSemVer(b)];
        expect(compareSemVer(parseSemVer(x)!, parseSemVer(y)!)).toBe(semver.compare(x, y));
      }),
      fuzzOptions(700, SEED),
    );
  });

  /** Version-like text: the pieces versions are made of, glued in random order. */
  const versionish = fc
    .array(fc.constantFrom("0", "1", "2", "10", "01", MAX_SAFE, "v", "V", "=", ".", ".", ".", "-", "+", "a", "rc", "x", "0a", ""), { maxLength: 10 })
    .map((parts) => parts.join(""));

  it("accepts exactly the versions semver accepts, on version-like text", () => {
    fc.assert(
      fc.property(versionish, (text) => {
        expect(parseSemVer(text) !== undefined).toBe(semver.valid(text) !== null);
      }),
      fuzzOptions(1_000, SEED),
    );
  });

  it.each([
    [" 1.2.3", "whitespace: semver trims it, the runtime refuses it"],
    ["1.2.3 ", "whitespace: semver trims it, the runtime refuses it"],
    ["1.2.3-9007199254740992", "an unsafe numeric prerelease identifier: semver keeps it, the runtime refuses it"],
  ])("differs on purpose for %j (%s)", (text) => {
    expect(semver.valid(text)).not.toBeNull();
    expect(parseSemVer(text)).toBeUndefined();
  });
});

describe("npm ranges against semver", () => {
  const number = fc.constantFrom("0", "1", "2", "3");
  const wildcard = fc.constantFrom("x", "X", "*");
  /** `1`, `1.2`, `1.x`, `1.2.*`, `*`, `1.2.3`, `v1.2.3-rc.1`, … */
  const partial = fc.oneof(
    wildcard,
    number,
    fc.tuple(number, fc.oneof(number, wildcard)).map(([a, b]) => `${a}.${b}`),
    fc.tuple(number, number, wildcard).map(([a, b, c]) => `${a}.${b}.${c}`),
    fc.tuple(fc.constantFrom("", "v"), number, number, number, fc.constantFrom("", "-0", "-rc.1", "-alpha", "-1.b")).map(([v, a, b, c, pre]) => `${v}${a}.${b}.${c}${pre}`),
  );
  const comparator = fc.tuple(fc.constantFrom("", "=", "<", "<=", ">", ">=", "^", "~", "~>"), fc.constantFrom("", "", " "), partial).map(([op, space, p]) => (op === "" ? p : `${op}${space}${p}`));
  const range = fc.array(fc.array(comparator, { minLength: 1, maxLength: 3 }).map((set) => set.join(" ")), { minLength: 1, maxLength: 3 }).map((sets) => sets.join(" || "));
  const version = fc.tuple(number, number, number, fc.constantFrom("", "", "", "-0", "-rc.1", "-alpha", "-1.b", "-rc.2")).map(([a, b, c, pre]) => `${a}.${b}.${c}${pre}`);

  it("every generated range is valid for both, and both admit the same versions", () => {
    fc.assert(
      fc.property(range, fc.array(version, { minLength: 1, maxLength: 8 }), (text, versions) => {
        const parsed = parseRange(text);
        expect(parsed).toBeDefined();
        expect(semver.validRange(text)).not.toBeNull();
        for (const v of versions) expect([v, satisfies(parseSemVer(v)!, parsed!)]).toEqual([v, semver.satisfies(v, text)]);
      }),
      fuzzOptions(500, SEED),
    );
  });

  it("differs on purpose for hyphen ranges: semver reads them, the runtime refuses them with a hint", () => {
    expect(semver.validRange("1 - 2")).toBe(">=1.0.0 <3.0.0-0");
    expect(parseRange("1 - 2")).toBeUndefined();
  });
});
