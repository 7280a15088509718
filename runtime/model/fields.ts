import * as t from "io-ts";
import { AMBIENT_KEYS } from "../evaluate/context";
import { parseSemVer } from "../semver/parse";
import { readRelease, releaseScratch } from "../semver/release";
import { instantProblem } from "../time/instant";
import { patternProblem } from "../regex";
import { TAG, checkedString } from "../decode/tagged-union";
import { describeValue } from "../describe-value";
import { validatesAsIs } from "../decode/as-is";

/*
 * Codecs of the fields that several rule nodes share (a scalar literal, a pattern, a context key,
 * a salt, …). The node codecs themselves live in their descriptors (runtime/vocabulary/); these
 * depend on nothing there, so a descriptor can import them without an import cycle.
 */

/** A literal a comparison compares against. */
export type Scalar = string | number | boolean | null;

const isScalar = (u: unknown): u is Scalar =>
  u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u));

/** io-ts codec for {@link Scalar}; one message instead of one per union member. */
export const ScalarC = validatesAsIs(
  new t.Type<Scalar, Scalar, unknown>(
    "Scalar",
    isScalar,
    (u, c) => (isScalar(u) ? t.success(u) : t.failure(u, c, `expected a string, number, boolean or null, found ${describeValue(u)}`)),
    t.identity,
  ),
);

/**
 * What `bool.none` may hold instead of a classifier: PyOF negates a literal by truthiness, true
 * exactly for `""`, `0`, `false` and `[]`.
 */
export type NoneLiteral = Scalar | readonly NoneLiteralItem[];
type NoneLiteralItem = Scalar | readonly NoneLiteralItem[];

/** A regular expression source, checked to compile at decode time. */
export const PatternC = checkedString("Pattern", patternProblem);

/** Filled by every release literal checked at decode, and never read: the check needs only the yes. */
const literalScratch = releaseScratch();

/**
 * A SemVer 2.0 literal, checked at decode (an optional leading "v" is allowed). A plain release
 * ("2.3.0", nearly every literal) is checked by the allocation-free reader, which accepts exactly
 * the releases the parser does (test/runtime/semver); anything else goes to the parser.
 */
export const VersionLiteralC = checkedString("Version", (s) =>
  readRelease(s, literalScratch) || parseSemVer(s) !== undefined ? undefined : `expected a SemVer 2.0 version like "2.1.0" or "2.1.0-rc.1", found ${describeValue(s)}`,
);

/** An RFC 3339 instant with a time zone, checked at decode. */
export const InstantLiteralC = checkedString("Instant", instantProblem);

/** True for a tagged node (a classifier), false for a `bool.none` literal. */
export function isTaggedNode<N extends { readonly __type: string }>(value: N | NoneLiteral): value is N {
  return typeof value === "object" && value !== null && !Array.isArray(value) && TAG in value;
}

/** A context attribute name: the key read from the evaluation context. */
export const ContextNameC = checkedString("ContextName", contextNameProblem);

/** A regex literal in a function body is a new RegExp object per call: this one is built once (a load checks every name). */
const CONTEXT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Why `name` cannot name a context attribute, or undefined. Ambient override names are taken, and
 * so are names every object inherits (`constructor`, `toString`, …): a context without the key
 * would read the inherited member instead of reporting the key missing.
 */
export function contextNameProblem(name: string): string | undefined {
  if (!CONTEXT_NAME.test(name)) {
    return `expected a context attribute name like "userId" (letters, digits, _ . -; not starting with a digit), found ${JSON.stringify(name)}`;
  }
  if ((AMBIENT_KEYS as readonly string[]).includes(name)) return `the context attribute name ${JSON.stringify(name)} is reserved for the ambient override of the same name`;
  if (name in Object.prototype) return `the context attribute name ${JSON.stringify(name)} is reserved: every JavaScript object inherits a member of that name`;
  return undefined;
}

/** A number JSON can write: NaN and the infinities would be written as `null` and not read back. */
export const FiniteNumberC = validatesAsIs(
  new t.Type<number, number, unknown>(
    "finite number",
    (u): u is number => typeof u === "number" && Number.isFinite(u),
    (u, c) => (typeof u === "number" && Number.isFinite(u) ? t.success(u) : t.failure(u, c, `expected a finite number, found ${typeof u === "number" ? String(u) : JSON.stringify(u) ?? typeof u}`)),
    t.identity,
  ),
);

/** A rollout salt: the text hashed before the unit, so that features bucket independently. */
export const SaltC = checkedString("Salt", (s) => (s.length > 0 ? undefined : "expected a non-empty salt (leave it out to use the feature key)"));

/** An environment variable name, as POSIX shells write them. */
export const EnvNameC = checkedString("EnvName", (s) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? undefined : `expected an environment variable name like "DEPLOY_ENV", found ${JSON.stringify(s)}`,
);
