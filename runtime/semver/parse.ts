/**
 * A parsed SemVer 2.0.0 version (https://semver.org).
 *
 * Numeric prerelease identifiers are numbers and alphanumeric ones strings, so
 * precedence can be decided from the type alone (numeric < alphanumeric).
 */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
  readonly build: readonly string[];
}

/**
 * Longest accepted input. Version strings come from evaluation contexts, i.e. from
 * callers we don't control; the bound keeps parsing cost trivially small.
 */
export const MAX_SEMVER_LENGTH = 256;

/** The prerelease or build list of a version without one: shared, since a load parses a literal per `semver.*` node. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Parses a SemVer 2.0.0 string strictly, returning `undefined` for anything invalid.
 *
 * Deliberate deviations from the bare grammar:
 * - one optional leading lowercase `"v"` is accepted (`"v1.2.3"`), because app and
 *   release tooling commonly reports versions that way;
 * - numeric identifiers (major, minor, patch and numeric prerelease identifiers) above
 *   `Number.MAX_SAFE_INTEGER` are rejected, since they could not be compared exactly;
 * - inputs longer than {@link MAX_SEMVER_LENGTH} characters are rejected.
 *
 * No whitespace trimming, no `"="` prefix, no partial versions like `"1.2"`.
 * Parsing is a single linear scan (no backtracking regex), so hostile input stays cheap.
 */
export function parseSemVer(text: string): SemVer | undefined {
  return plainVersion(text) ?? parseAnyVersion(text);
}

/**
 * `1.2.3` and nothing else, the common case (every literal of a typical bundle, most app
 * versions): read in one scan, without cutting strings or splitting. Anything else, valid or
 * not, is left to the full parse (undefined here), which decides all that this passes over.
 */
function plainVersion(text: string): SemVer | undefined {
  const length = text.length;
  // 15 digits at most per number, so no sum here leaves the safe integers.
  if (length < 5 || length > 47) return undefined;
  let major = -1;
  let minor = -1;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= length; i++) {
    // The end reads as one more dot: it closes the patch number.
    const c = i < length ? text.charCodeAt(i) : 0x2e;
    if (c >= 0x30 && c <= 0x39) {
      // A leading zero, or a number too long for this scan: the full parse decides.
      if ((digits === 1 && value === 0) || digits === 15) return undefined;
      value = value * 10 + (c - 0x30);
      digits++;
    } else if (c !== 0x2e || digits === 0) {
      return undefined;
    } else if (major === -1) {
      major = value;
    } else if (minor === -1) {
      minor = value;
    } else {
      return i === length ? { major, minor, patch: value, prerelease: NONE, build: NONE } : undefined;
    }
    if (c === 0x2e) {
      value = 0;
      digits = 0;
    }
  }
  return undefined;
}

/** The whole grammar: prefix, prerelease and build included. */
function parseAnyVersion(text: string): SemVer | undefined {
  if (text.length > MAX_SEMVER_LENGTH) return undefined;
  let rest = text.startsWith("v") ? text.slice(1) : text;

  let build: readonly string[] = NONE;
  const plus = rest.indexOf("+");
  if (plus !== -1) {
    const parsed = parseIdentifiers(rest.slice(plus + 1));
    if (parsed === undefined) return undefined;
    build = parsed;
    rest = rest.slice(0, plus);
  }

  // The first "-" ends the core: hyphens are legal inside prerelease identifiers.
  let prerelease: readonly (string | number)[] = NONE;
  const dash = rest.indexOf("-");
  if (dash !== -1) {
    const parsed = parsePrerelease(rest.slice(dash + 1));
    if (parsed === undefined) return undefined;
    prerelease = parsed;
    rest = rest.slice(0, dash);
  }

  const core = rest.split(".");
  if (core.length !== 3) return undefined;
  const major = parseNumeric(core[0]!);
  const minor = parseNumeric(core[1]!);
  const patch = parseNumeric(core[2]!);
  if (major === undefined || minor === undefined || patch === undefined) return undefined;

  return { major, minor, patch, prerelease, build };
}

/** Dot-separated, non-empty identifiers of [0-9A-Za-z-]; leading zeros are fine here (build metadata). */
function parseIdentifiers(text: string): string[] | undefined {
  const parts = text.split(".");
  for (const part of parts) {
    if (part.length === 0) return undefined;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (!isDigit(c) && !isLetterOrHyphen(c)) return undefined;
    }
  }
  return parts;
}

/** Like build identifiers, but all-digit ones are numeric: no leading zeros, stored as numbers. */
function parsePrerelease(text: string): (string | number)[] | undefined {
  const parts = parseIdentifiers(text);
  if (parts === undefined) return undefined;
  const out: (string | number)[] = [];
  for (const part of parts) {
    if (!isAllDigits(part)) {
      out.push(part);
      continue;
    }
    const n = parseNumeric(part);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** A SemVer numeric identifier: "0" or digits without a leading zero, within safe-integer range. */
function parseNumeric(text: string): number | undefined {
  if (text.length === 0 || text.length > 16) return undefined;
  if (text.length > 1 && text.charCodeAt(0) === 0x30) return undefined;
  if (!isAllDigits(text)) return undefined;
  const n = Number(text);
  return n <= Number.MAX_SAFE_INTEGER ? n : undefined;
}

function isAllDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetterOrHyphen(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}
