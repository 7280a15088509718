import type { SemVer } from "./parse";

/**
 * SemVer 2.0.0 precedence (https://semver.org/#spec-item-11), for targeting rules such as
 * "appVersion >= 2.1.0".
 *
 * major, minor and patch compare numerically; a prerelease sorts before its release;
 * prerelease identifiers compare left to right (numeric < alphanumeric, numbers
 * numerically, strings in ASCII order) and a longer list wins when all shared ones are
 * equal. Build metadata is ignored, so `1.0.0+a` and `1.0.0+b` compare equal.
 *
 * @returns -1 if `a` has lower precedence than `b`, 1 if higher, 0 if equal
 */
export function compareSemVer(a: SemVer, b: SemVer): -1 | 0 | 1 {
  return (
    compareValues(a.major, b.major) ||
    compareValues(a.minor, b.minor) ||
    compareValues(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

function comparePrerelease(
  a: readonly (string | number)[],
  b: readonly (string | number)[],
): -1 | 0 | 1 {
  // No prerelease means a release, which outranks any prerelease of the same core.
  if (a.length === 0 || b.length === 0) return compareValues(b.length, a.length);
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xNumeric = typeof x === "number";
    const yNumeric = typeof y === "number";
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    // Same type here; strings compare by UTF-16 code unit, which is ASCII order for [0-9A-Za-z-].
    const c = compareValues(x, y);
    if (c !== 0) return c;
  }
  return compareValues(a.length, b.length);
}

function compareValues<T extends string | number>(x: T, y: T): -1 | 0 | 1 {
  return x < y ? -1 : x > y ? 1 : 0;
}
