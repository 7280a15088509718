import { MAX_SEMVER_LENGTH, type SemVer } from "./parse";

/**
 * A release version (`MAJOR.MINOR.PATCH`, optionally after one `v`) read without allocating: the
 * hot path of `context.version`, where an app version arrives as a string on every evaluation and
 * must be parsed each time. Anything else (a prerelease, build metadata, an invalid string) is
 * left to {@link parseSemVer}, so this only has to agree with it on plain releases; a property test
 * checks that it does on both sides (accepts exactly the releases, with the same numbers).
 */

/** A version record that one reader fills in place, over and over. Prerelease and build stay empty. */
export interface ReleaseScratch extends SemVer {
  major: number;
  minor: number;
  patch: number;
}

const NONE: readonly never[] = Object.freeze([]);

/** A fresh record for {@link readRelease} to fill, made at load (one per reader). */
export function releaseScratch(): ReleaseScratch {
  return { major: 0, minor: 0, patch: 0, prerelease: NONE, build: NONE };
}

/**
 * Fills `into` and returns true when `text` is a release version that {@link parseSemVer} would
 * read with an empty prerelease and build; returns false, leaving `into` unspecified, for
 * anything else. Each number is "0" or up to 16 digits without a leading zero, at most
 * `Number.MAX_SAFE_INTEGER`, as the full parser requires.
 *
 * The record is overwritten by the next call: a caller uses it before it reads another version
 * (the `semver.*` operators compare it at once; traces format it at once).
 */
export function readRelease(text: string, into: ReleaseScratch): boolean {
  const n = text.length;
  if (n > MAX_SEMVER_LENGTH) return false;
  let i = n > 0 && text.charCodeAt(0) === 0x76 /* v */ ? 1 : 0;
  let part = 0;
  let value = 0;
  let digits = 0;
  let leadingZero = false;
  for (; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x2e; // the end closes the last number like a dot
    if (c >= 0x30 && c <= 0x39) {
      if (digits === 0) leadingZero = c === 0x30;
      else if (leadingZero) return false;
      if (++digits > 16) return false;
      value = value * 10 + (c - 0x30);
      continue;
    }
    if (c !== 0x2e || digits === 0 || value > Number.MAX_SAFE_INTEGER) return false;
    if (part === 0) into.major = value;
    else if (part === 1) into.minor = value;
    else if (part === 2 && i === n) into.patch = value;
    else return false;
    part++;
    value = 0;
    digits = 0;
  }
  return part === 3;
}
