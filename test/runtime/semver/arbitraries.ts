import fc from "fast-check";
import type { SemVer } from "../../../runtime/semver";

/** Canonical text of a version; the inverse parse(format(v)) is tested, not assumed. */
export function formatSemVer(v: SemVer): string {
  let text = `${v.major}.${v.minor}.${v.patch}`;
  if (v.prerelease.length > 0) text += `-${v.prerelease.join(".")}`;
  if (v.build.length > 0) text += `+${v.build.join(".")}`;
  return text;
}

const identifierChar = fc.constantFrom(
  ..."0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-",
);

// Small values dominate so generated versions often share prefixes, which is where
// precedence rules (and transitivity) are actually exercised.
const numeric = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 3 },
  { arbitrary: fc.maxSafeNat(), weight: 1 },
);

const alphanumeric = fc.oneof(
  fc.constantFrom("alpha", "beta", "rc", "a", "A", "-", "0a"),
  // All-digit strings would parse back as numbers, so they are not canonical alphanumerics.
  fc.string({ unit: identifierChar, minLength: 1, maxLength: 8 }).filter((s) => /[^0-9]/.test(s)),
);

const buildIdentifier = fc.string({ unit: identifierChar, minLength: 1, maxLength: 8 });

/** Any valid SemVer that fits within the parser's length bound. */
export const semVerArbitrary: fc.Arbitrary<SemVer> = fc.record({
  major: numeric,
  minor: numeric,
  patch: numeric,
  prerelease: fc.array(fc.oneof(numeric, alphanumeric), { maxLength: 4 }),
  build: fc.array(buildIdentifier, { maxLength: 3 }),
});
