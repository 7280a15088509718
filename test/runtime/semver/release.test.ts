import fc from "fast-check";
import { MAX_SEMVER_LENGTH, parseSemVer, readRelease, releaseScratch } from "../../../runtime/semver";
import { fuzzOptions } from "../../support/fuzz";
import { formatSemVer, semVerArbitrary } from "./arbitraries";

/*
 * readRelease is context.version's allocation-free hot path: it must accept exactly the strings
 * parseSemVer reads as a plain release (no prerelease, no build), with the same numbers, and
 * leave everything else to parseSemVer.
 */

/** What parseSemVer says readRelease should answer: the release's numbers, or undefined. */
function expected(text: string): readonly [number, number, number] | undefined {
  const v = parseSemVer(text);
  return v === undefined || v.prerelease.length > 0 || v.build.length > 0 ? undefined : [v.major, v.minor, v.patch];
}

function read(text: string): readonly [number, number, number] | undefined {
  const into = releaseScratch();
  return readRelease(text, into) ? [into.major, into.minor, into.patch] : undefined;
}

// Near-versions: digits, dots, the v prefix, prerelease and build marks, leading zeros, huge numbers.
const token = fc.constantFrom("0", "1", "2", "9", "00", "01", "10", "9007199254740991", "9007199254740992", "99999999999999999", ".", ".", "v", "-", "+", "a", " ", "");
const nearVersion = fc.array(token, { maxLength: 8 }).map((parts) => parts.join(""));

describe("readRelease agrees with parseSemVer on releases", () => {
  it.each(["2.3.0", "v2.3.0", "0.0.0", "10.20.30", "9007199254740991.0.0"])("reads %s", (text) => {
    expect(read(text)).toEqual(expected(text));
    expect(read(text)).toBeDefined();
  });

  it.each(["", "v", "2.3", "2.3.0.1", "2.3.", ".2.3", "02.3.0", "2.3.00", "V2.3.0", "vv2.3.0", "2.3.0-rc.1", "2.3.0+build", " 2.3.0", "9007199254740992.0.0", "12345678901234567.0.0"])(
    "leaves %j to the full parser",
    (text) => {
      expect(read(text)).toBeUndefined();
    },
  );

  it("refuses text over the length bound, as the full parser does", () => {
    const long = `1.1.${"1".repeat(MAX_SEMVER_LENGTH)}`;
    expect(read(long)).toBeUndefined();
    expect(parseSemVer(long)).toBeUndefined();
  });

  it("accepts exactly the plain releases, with the same numbers, on generated text", () => {
    fc.assert(
      fc.property(fc.oneof(nearVersion, semVerArbitrary.map(formatSemVer), semVerArbitrary.map((v) => `v${formatSemVer(v)}`)), (text) => {
        expect(read(text)).toEqual(expected(text));
      }),
      fuzzOptions(3_000),
    );
  });

  it("overwrites the same record on every read (what lets context.version allocate nothing)", () => {
    const into = releaseScratch();
    expect(readRelease("1.2.3", into)).toBe(true);
    const first = into;
    expect(readRelease("4.5.6", into)).toBe(true);
    expect(first).toBe(into);
    expect(into).toMatchObject({ major: 4, minor: 5, patch: 6, prerelease: [], build: [] });
  });
});
