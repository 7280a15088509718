import { compareSemVer } from "./compare";
import { parseSemVer, type SemVer } from "./parse";

/**
 * npm-style version ranges, for `node_versions` (">=20", "^20.10 || >=22"), with the subset of
 * npm's grammar users write for engines: `<`, `<=`, `>`, `>=`, `=`, `^`, `~`, x-ranges (`20`,
 * `20.x`, `20.1.*`, `*`), space-separated comparators that must all hold, and `||` between
 * alternatives. Hyphen ranges (`1 - 2`) are refused with a hint rather than half-supported.
 *
 * Desugaring follows node-semver exactly (`^0.2.3` is `>=0.2.3 <0.3.0-0`, `<=1.2` is
 * `<1.3.0-0`, …), and so does its prerelease rule: a prerelease version satisfies a set only if
 * some comparator of that set names a prerelease of the same major.minor.patch, so `>=20` does
 * not admit `21.0.0-nightly`.
 */

/** One primitive comparison against a full version. */
export interface Comparator {
  readonly operator: "<" | "<=" | ">" | ">=" | "=";
  readonly version: SemVer;
}

/** A parsed range: alternatives (`||`), each a list of comparators that must all hold. */
export interface SemVerRange {
  /** The text it was parsed from. */
  readonly text: string;
  /** An empty list of comparators matches every release. */
  readonly sets: readonly (readonly Comparator[])[];
}

/** Longer range texts are refused; engine ranges are a few dozen characters. */
export const MAX_RANGE_LENGTH = 256;

/** A version with wildcards: `undefined` stands for `x` (or a missing part). */
interface Partial {
  readonly major: number | undefined;
  readonly minor: number | undefined;
  readonly patch: number | undefined;
  readonly full: SemVer | undefined;
}

const version = (major: number, minor: number, patch: number, prerelease: readonly (string | number)[] = []): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
  build: [],
});
/** `X.Y.Z-0`: the lowest version of a core, below all its prereleases; npm's exclusive upper bound. */
const floor = (major: number, minor: number, patch: number): SemVer => version(major, minor, patch, [0]);
const cmp = (operator: Comparator["operator"], v: SemVer): Comparator => ({ operator, version: v });
const NOTHING: readonly Comparator[] = [cmp("<", floor(0, 0, 0))];
const ANYTHING: readonly Comparator[] = [];

/** Parses a range, or returns why it cannot: `{ range }` or `{ problem }`. */
export function parseRangeOrProblem(text: string): { readonly range: SemVerRange } | { readonly problem: string } {
  if (text.length > MAX_RANGE_LENGTH) return { problem: `version range is ${text.length} characters long; the limit is ${MAX_RANGE_LENGTH}` };
  const sets: (readonly Comparator[])[] = [];
  for (const alternative of text.split("||")) {
    const tokens = tokenize(alternative);
    if (tokens.length === 0) return { problem: `empty alternative in version range ${JSON.stringify(text)}; write "*" to mean any version` };
    const set: Comparator[] = [];
    for (const token of tokens) {
      if (token === "-") return { problem: `hyphen ranges are not supported in ${JSON.stringify(text)}; write ">=A <=B" instead of "A - B"` };
      const comparators = desugar(token);
      if (comparators === undefined) {
        return { problem: `invalid comparator ${JSON.stringify(token)} in version range ${JSON.stringify(text)}; expected e.g. ">=20", "^20.10.0", "20.x", "~1.2.3"` };
      }
      set.push(...comparators);
    }
    sets.push(set);
  }
  return { range: { text, sets } };
}

/** Parses a range; undefined when invalid (see {@link rangeProblem} for why). */
export function parseRange(text: string): SemVerRange | undefined {
  const parsed = parseRangeOrProblem(text);
  return "range" in parsed ? parsed.range : undefined;
}

/** Why `text` is not a valid range, or undefined when it is. */
export function rangeProblem(text: string): string | undefined {
  const parsed = parseRangeOrProblem(text);
  return "problem" in parsed ? parsed.problem : undefined;
}

/** True when `v` satisfies `range` (some alternative holds entirely, under npm's prerelease rule). */
export function satisfies(v: SemVer, range: SemVerRange): boolean {
  return range.sets.some((set) => satisfiesSet(v, set));
}

function satisfiesSet(v: SemVer, set: readonly Comparator[]): boolean {
  for (const c of set) if (!test(v, c)) return false;
  if (v.prerelease.length === 0) return true;
  // npm: a prerelease only matches when the range opts into prereleases of that very core.
  return set.some(
    (c) => c.version.prerelease.length > 0 && c.version.major === v.major && c.version.minor === v.minor && c.version.patch === v.patch,
  );
}

function test(v: SemVer, c: Comparator): boolean {
  const order = compareSemVer(v, c.version);
  switch (c.operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "=":
      return order === 0;
  }
}

/** Splits on whitespace, gluing a lone operator to the version after it (`>= 20` is `>=20`). */
function tokenize(text: string): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== "");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (/^(<=|>=|<|>|=|\^|~>?)$/.test(word) && i + 1 < words.length) {
      out.push(word + words[i + 1]!);
      i++;
    } else out.push(word);
  }
  return out;
}

const OPERATOR = /^(<=|>=|<|>|=|\^|~>?)?(.*)$/;

/** One token (`^1.2`, `>=20`, `1.x`) as primitive comparators, or undefined when invalid. */
function desugar(token: string): readonly Comparator[] | undefined {
  const match = OPERATOR.exec(token)!;
  const operator = match[1] === "~>" ? "~" : (match[1] ?? "");
  const p = parsePartial(match[2]!);
  if (p === undefined) return undefined;
  switch (operator) {
    case "":
    case "=":
      return xRange(p);
    case "~":
      return tilde(p);
    case "^":
      return caret(p);
    case ">":
    case ">=":
    case "<":
    case "<=":
      return primitive(operator, p);
    default:
      return undefined;
  }
}

function xRange({ major: M, minor: m, full }: Partial): readonly Comparator[] {
  if (M === undefined) return ANYTHING;
  if (m === undefined) return [cmp(">=", version(M, 0, 0)), cmp("<", floor(M + 1, 0, 0))];
  if (full === undefined) return [cmp(">=", version(M, m, 0)), cmp("<", floor(M, m + 1, 0))];
  return [cmp("=", full)];
}

function tilde({ major: M, minor: m, full }: Partial): readonly Comparator[] {
  if (M === undefined) return ANYTHING;
  if (m === undefined) return [cmp(">=", version(M, 0, 0)), cmp("<", floor(M + 1, 0, 0))];
  return [cmp(">=", full ?? version(M, m, 0)), cmp("<", floor(M, m + 1, 0))];
}

function caret({ major: M, minor: m, patch: p, full }: Partial): readonly Comparator[] {
  if (M === undefined) return ANYTHING;
  if (m === undefined) return [cmp(">=", version(M, 0, 0)), cmp("<", floor(M + 1, 0, 0))];
  const lower = full ?? version(M, m, 0);
  // The leftmost non-zero part is the one that may not change.
  if (M > 0) return [cmp(">=", lower), cmp("<", floor(M + 1, 0, 0))];
  if (m > 0 || p === undefined) return [cmp(">=", lower), cmp("<", floor(0, m + 1, 0))];
  return [cmp(">=", lower), cmp("<", floor(0, m, p + 1))];
}

function primitive(operator: "<" | "<=" | ">" | ">=", { major: M, minor: m, full }: Partial): readonly Comparator[] {
  if (full !== undefined) return [cmp(operator, full)];
  if (M === undefined) return operator === ">" || operator === "<" ? NOTHING : ANYTHING;
  switch (operator) {
    case ">":
      return [cmp(">=", m === undefined ? version(M + 1, 0, 0) : version(M, m + 1, 0))];
    case ">=":
      return [cmp(">=", version(M, m ?? 0, 0))];
    case "<":
      return [cmp("<", floor(M, m ?? 0, 0))];
    case "<=":
      return [cmp("<", m === undefined ? floor(M + 1, 0, 0) : floor(M, m + 1, 0))];
  }
}

const WILDCARD = /^[xX*]$/;
const NUMERIC = /^(0|[1-9]\d{0,15})$/;

/**
 * `1`, `1.2`, `1.x`, `1.2.*`, `*` or a full SemVer (`v1.2.3-rc.1`). Once a part is a wildcard the
 * rest must be too (`1.x.3` is refused); prerelease and build only on full versions.
 */
function parsePartial(text: string): Partial | undefined {
  const body = text.startsWith("v") ? text.slice(1) : text;
  if (body === "") return undefined;
  const full = body.startsWith("v") ? undefined : parseSemVer(body);
  if (full !== undefined) return { major: full.major, minor: full.minor, patch: full.patch, full };
  const parts = body.split(".");
  if (parts.length > 3) return undefined;
  const numbers: (number | undefined)[] = [];
  let wild = false;
  for (const part of parts) {
    if (WILDCARD.test(part)) {
      wild = true;
      numbers.push(undefined);
    } else if (!wild && NUMERIC.test(part) && Number(part) <= Number.MAX_SAFE_INTEGER) numbers.push(Number(part));
    else return undefined;
  }
  // A full numeric core here would have parsed as SemVer above; it must have had a bad suffix.
  if (numbers.length === 3 && numbers[2] !== undefined) return undefined;
  return { major: numbers[0], minor: numbers[1], patch: numbers[2], full: undefined };
}
