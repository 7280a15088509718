import * as E from "fp-ts/Either";
import { FeatureC, decodeParsedFeature, measuredWithin, type FeatureBounds } from "../model/feature";
import type { DecodedFeature } from "./decoded";
import { FeatureDecodeError } from "./decode-error";
import { reportIssues } from "./reporter";
import { describeValue } from "../describe-value";
import { byteSizeProblem, documentSizeProblem, inputLimits, overLimit, type InputLimits } from "./limits";

/** Options for decoding: `source` names the document in error messages. */
export interface DecodeOptions {
  readonly source?: string | undefined;
  /** Input limits; each one not given keeps its default ({@link DEFAULT_LIMITS}). */
  readonly limits?: Partial<InputLimits> | undefined;
}

/**
 * The text of JSON text or UTF-8 bytes, within the byte limit (checked before the bytes are
 * decoded), or undefined for a value passed as is.
 */
export function textWithinLimits(input: unknown, limits: InputLimits): E.Either<string, string | undefined> {
  if (input instanceof Uint8Array) {
    const tooBig = byteSizeProblem(input, limits);
    if (tooBig !== undefined) return E.left(tooBig);
    try {
      return E.right(new TextDecoder("utf-8", { fatal: true }).decode(input));
    } catch {
      return E.left("invalid UTF-8 in the document");
    }
  }
  return E.right(typeof input === "string" ? input : undefined);
}

/**
 * JSON text (or UTF-8 bytes) parsed within the byte limit, or a value passed as is. The size is
 * checked before `JSON.parse`, so a 100 MB document is refused at once, without its memory.
 */
export function parseWithinLimits(input: unknown, limits: InputLimits): E.Either<string, unknown> {
  if (input instanceof Uint8Array) {
    const text = textWithinLimits(input, limits);
    return E.isLeft(text) ? text : parseWithinLimits(text.right, limits);
  }
  if (typeof input !== "string") return E.right(input);
  const tooBig = byteSizeProblem(input, limits);
  if (tooBig !== undefined) return E.left(tooBig);
  try {
    return E.right(JSON.parse(input));
  } catch (e) {
    return E.left(`invalid JSON: ${e instanceof Error ? e.message : describeValue(e)}`);
  }
}

/** Why a parsed feature has too many buckets, or undefined. */
function bucketCountProblem(parsed: unknown, limits: InputLimits): string | undefined {
  if (typeof parsed !== "object" || parsed === null || !Object.prototype.hasOwnProperty.call(parsed, "buckets")) return undefined;
  const buckets: unknown = (parsed as { buckets: unknown }).buckets;
  if (!Array.isArray(buckets) || buckets.length <= limits.buckets) return undefined;
  return `the feature has ${buckets.length} buckets; ${overLimit("buckets", limits)}`;
}

/**
 * Decodes an already parsed feature whose document size was checked (a bundle checks the whole
 * document once), or is checked on the way, within `bounds` (a bundle's feature: see
 * FeatureBounds): the bucket count, then the codec. `fromJsonText` says the caller parsed it from
 * text itself (plain JSON: the codec's fast path may rely on it, and check the bounds as it walks).
 */
export function decodeCheckedFeature(parsed: unknown, limits: InputLimits, source?: string, fromJsonText = false, bounds?: FeatureBounds): E.Either<FeatureDecodeError, DecodedFeature> {
  const tooMany = bucketCountProblem(parsed, limits);
  if (tooMany !== undefined) {
    // Within a bundle's bounds the feature is still counted: its size may be what refuses the bundle.
    if (bounds !== undefined && !measuredWithin(parsed, bounds)) bounds.tooBig = true;
    return E.left(new FeatureDecodeError([{ path: "buckets", message: tooMany }], source));
  }
  if (bounds !== undefined && !fromJsonText && !measuredWithin(parsed, bounds)) {
    bounds.tooBig = true;
    return E.left(new FeatureDecodeError([{ path: "", message: "the feature passes the input limits" }], source));
  }
  const decoded = fromJsonText ? decodeParsedFeature(parsed, bounds) : FeatureC.decode(parsed);
  // The codec records what it decodes (runtime/decode/decoded.ts); the cast carries that in the type.
  // A Right is passed on as it is (io-ts's Validation is fp-ts's Either): no second record per feature.
  return E.isLeft(decoded) ? E.left(new FeatureDecodeError(reportIssues(decoded.left), source)) : (decoded as E.Right<DecodedFeature>);
}

/**
 * Decodes one feature from JSON text, UTF-8 bytes or an already parsed value, within
 * `options.limits` (checked before any other work). Either form of PyOF's JSON is
 * accepted. Never throws: every failure is a `Left` with the paths of all problems found.
 */
export function decodeFeature(input: unknown, options: DecodeOptions = {}): E.Either<FeatureDecodeError, DecodedFeature> {
  const fail = (path: string, message: string) => E.left(new FeatureDecodeError([{ path, message }], options.source));
  let limits: InputLimits;
  try {
    limits = inputLimits(options.limits);
  } catch (e) {
    return fail("", e instanceof Error ? e.message : describeValue(e));
  }
  try {
    const parsed = parseWithinLimits(input, limits);
    if (E.isLeft(parsed)) return fail("", parsed.left);
    const tooBig = documentSizeProblem(parsed.right, limits);
    if (tooBig !== undefined) return fail("", tooBig);
    return decodeCheckedFeature(parsed.right, limits, options.source, typeof input === "string" || input instanceof Uint8Array);
  } catch (e) {
    // Exotic inputs (getters that throw, proxies) must still come back as a Left.
    return fail("", `could not read the document: ${e instanceof Error ? e.message : describeValue(e)}`);
  }
}
