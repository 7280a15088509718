import { createHash } from "node:crypto";
import * as t from "io-ts";
import * as E from "fp-ts/Either";
import { FeatureC, type FeatureBounds, type FeatureModel } from "../model/feature";
import type { JsonValue } from "../model/json";
import { checkedString } from "../decode/tagged-union";
import { decodeCheckedFeature, parseWithinLimits, textWithinLimits } from "../decode/decode";
import { documentSizeProblem, inputLimits, measureDocument, overLimit, type InputLimits } from "../decode/limits";
import { reportIssues, type DecodeIssue } from "../decode/reporter";
import { describeValue } from "../describe-value";
import { BundleDecodeError } from "./bundle-error";
import { FeatureKeyC, featureKeyProblem } from "../model/feature-key";
import type { DecodedFeature } from "../decode/decoded";
import { jsonText } from "../model/json-text";
import { featuresTextMatches } from "./text-hash";

/*
 * The bundle: every feature of a project in one JSON document, for distribution (the generated
 * `features.json`, and later a file or an HTTP source). It names its format so a reader can refuse
 * one it does not know, and carries a hash of its content so a truncated or hand-edited copy is
 * refused rather than half-applied.
 */

/** The `format` of the bundles this runtime reads and the generator writes. */
export const BUNDLE_FORMAT = "offline-features/bundle@1";

/** Levels a bundle wraps around each feature (the envelope and its "features" object): a feature in a bundle may nest limits.depth levels. */
export const BUNDLE_ENVELOPE_LEVELS = 2;

/** A feature key: an identifier, because it names generated files and getters. */
export { FeatureKeyC };

/** A decoded bundle: the features by key, normalized to the current form. */
export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT;
  /** `sha256:<hex>` of the canonical content; see {@link bundleHash}. */
  readonly hash: string;
  readonly features: Readonly<Record<string, DecodedFeature>>;
  /**
   * The environment the bundle was generated for (`gen` writes one bundle per declared
   * environment, its environment conditions folded away); absent for a project without any.
   */
  readonly environment?: string;
}

/** The envelope, checked before any feature is decoded. `generated` is the generator's "DO NOT EDIT" note. */
const EnvelopeC = t.exact(
  t.intersection([
    t.type({
      format: t.literal(BUNDLE_FORMAT),
      hash: checkedString("BundleHash", (s) => (/^sha256:[0-9a-f]{64}$/.test(s) ? undefined : `expected "sha256:" and 64 hex digits, found ${JSON.stringify(s)}`)),
      features: t.UnknownRecord,
    }),
    t.partial({ generated: t.string, environment: t.string }),
  ]),
  "bundle",
);

/**
 * The content hash of a set of features: SHA-256 over the compact JSON of an object mapping each
 * key, in sorted order, to the feature's canonical JSON. Any formatting of the same features, and
 * either PyOF form, gives the same hash. A bundle for an environment hashes
 * `{"environment": name, "features": that object}` instead, so its label cannot be edited either.
 */
export function bundleHash(features: Readonly<Record<string, FeatureModel>>, environment?: string): string {
  return contentHash(Object.keys(features).sort(), (key) => FeatureC.encode(features[key]!), environment);
}

/** A key JSON.stringify would write before the others (an array index), whatever the insertion order. */
const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

/**
 * SHA-256 over exactly the text `JSON.stringify` gives for `{key: valueOf(key), …}` in the order of
 * `sortedKeys` (wrapped as `{"environment": …, "features": …}` for an environment), fed to the hash
 * one feature at a time: no sorted copy of the features and no second text of the whole document.
 * Keys that JSON.stringify would reorder (array indices, which feature keys never are) take the
 * plain path, so the bytes hashed never differ from {@link bundleHash}'s definition.
 */
function contentHash(sortedKeys: readonly string[], valueOf: (key: string) => unknown, environment: string | undefined): string {
  if (sortedKeys.some((key) => INDEX_LIKE.test(key))) {
    const canonical = Object.fromEntries(sortedKeys.map((key) => [key, valueOf(key)]));
    const content = environment === undefined ? canonical : { environment, features: canonical };
    return `sha256:${createHash("sha256").update(jsonText(content)).digest("hex")}`;
  }
  const hash = createHash("sha256");
  if (environment !== undefined) hash.update(`{"environment":${JSON.stringify(environment)},"features":`);
  let separator = "{";
  for (const key of sortedKeys) {
    // jsonText, not JSON.stringify: a feature at the depth ceiling can run V8's recursive writer out of stack.
    const json = jsonText(valueOf(key));
    // An undefined value is left out by JSON.stringify; features are never undefined, but the text must agree.
    if (json === undefined) continue;
    hash.update(`${separator}${JSON.stringify(key)}:${json}`);
    separator = ",";
  }
  hash.update(separator === "{" ? "{}" : "}");
  if (environment !== undefined) hash.update("}");
  return `sha256:${hash.digest("hex")}`;
}

/**
 * The hash of a bundle's features exactly as parsed from its text, keys sorted: the same string
 * {@link bundleHash} hashes whenever each feature is already in its canonical JSON, which is what
 * the generator writes. Only for text this module parsed itself (plain data, no toJSON).
 */
function parsedHash(features: Readonly<Record<string, unknown>>, environment: string | undefined): string {
  return contentHash(Object.keys(features).sort(), (key) => features[key], environment);
}

/** The bundle's JSON value, keys sorted (what the generator writes as `features.json`, plus its note). */
export function encodeBundle(features: Readonly<Record<string, FeatureModel>>, generated?: string, environment?: string): JsonValue {
  const encoded: Record<string, JsonValue> = Object.fromEntries(Object.keys(features).sort().map((key) => [key, FeatureC.encode(features[key]!)]));
  return {
    format: BUNDLE_FORMAT,
    ...(generated === undefined ? {} : { generated }),
    ...(environment === undefined ? {} : { environment }),
    hash: bundleHash(features, environment),
    features: encoded,
  };
}

/** A feature's JSON path in the bundle, spelled only for a feature with a problem. */
function featurePathOf(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `features.${key}` : `features[${JSON.stringify(key)}]`;
}

function prefixed(prefix: string, issues: readonly DecodeIssue[]): DecodeIssue[] {
  return issues.map((i) => ({ path: i.path === "" ? prefix : `${prefix}.${i.path}`, message: i.message }));
}

/** Why a parsed bundle holds too many features, or undefined; counts without building a key list. */
function featureCountProblem(parsed: unknown, limits: InputLimits): string | undefined {
  if (typeof parsed !== "object" || parsed === null || !Object.prototype.hasOwnProperty.call(parsed, "features")) return undefined;
  const features: unknown = (parsed as { features: unknown }).features;
  if (typeof features !== "object" || features === null) return undefined;
  let count = 0;
  for (const key in features) if (Object.prototype.hasOwnProperty.call(features, key) && ++count > limits.features) break;
  return count > limits.features ? `the bundle holds more than ${limits.features} features; ${overLimit("features", limits)}` : undefined;
}

/**
 * The bounds each feature of a bundle parsed from text is decoded within (FeatureBounds in
 * runtime/model/feature.ts): features lie 2 levels down, and the values left for them are the
 * limit less the envelope's own (the root, each of its values with what it holds, and one per
 * feature). The decoder's walk counts each feature's values as it checks them, so the document
 * is not walked once more for its limits alone. `tooBig` is set already when the envelope passes them.
 */
function envelopeBounds(parsed: Readonly<Record<string, unknown>>, featureCount: number, limits: InputLimits): FeatureBounds {
  const maxLevel = limits.depth + BUNDLE_ENVELOPE_LEVELS;
  const bounds: FeatureBounds = { level: BUNDLE_ENVELOPE_LEVELS, maxLevel, budget: limits.values - 1 - featureCount, tooBig: false };
  for (const key in parsed) {
    if (!Object.prototype.hasOwnProperty.call(parsed, key)) continue;
    const size = key === "features" ? 1 : measureDocument(parsed[key], maxLevel - 1, bounds.budget);
    if (size < 0 || (bounds.budget -= size) < 0) {
      bounds.tooBig = true;
      break;
    }
  }
  return bounds;
}

/** True when a decode within `bounds` met a value past a limit (a function: each feature's decode may set it). */
function passedLimits(bounds: FeatureBounds | undefined): boolean {
  return bounds !== undefined && bounds.tooBig;
}

/**
 * Decodes a bundle from JSON text, UTF-8 bytes or a parsed value, within `limits`: bytes before
 * parsing, features and buckets before decoding, and depth and values before decoding a value
 * passed in, or by the walk that decodes each feature of a text (see {@link envelopeBounds}); a
 * document past one of these is refused for that alone, with the limit's message. Never throws:
 * a `Left` lists every problem (the envelope, each feature, the keys, and a hash that does not
 * match the content).
 */
export function decodeBundle(input: unknown, source?: string, limitOverrides?: Partial<InputLimits>): E.Either<BundleDecodeError, Bundle> {
  const fail = (issues: readonly DecodeIssue[]) => E.left(new BundleDecodeError(issues, source));
  let limits: InputLimits;
  try {
    limits = inputLimits(limitOverrides);
  } catch (e) {
    return fail([{ path: "", message: e instanceof Error ? e.message : describeValue(e) }]);
  }
  try {
    // Text (or bytes, as text) is kept: the hash is checked on it (./text-hash.ts).
    const text = textWithinLimits(input, limits);
    if (E.isLeft(text)) return fail([{ path: "", message: text.left }]);
    const parsedValue = parseWithinLimits(text.right ?? input, limits);
    if (E.isLeft(parsedValue)) return fail([{ path: "", message: parsedValue.left }]);
    const parsed = parsedValue.right;
    // Parsed here from text (or bytes): plain JSON, which the decoder and the hash check rely on.
    const parsedHere = text.right !== undefined;
    // A document past a limit is refused for that alone, whatever else is wrong with it. Two more
    // levels than a feature: the envelope and its "features" object.
    const sizeFailure = () => {
      const tooBig = documentSizeProblem(parsed, limits, BUNDLE_ENVELOPE_LEVELS);
      return tooBig === undefined ? undefined : fail([{ path: "", message: tooBig }]);
    };
    // After a walk within the bounds met a value past a limit: every value up to it was counted, so
    // the limits walk finds it too (the second message is for a mistake in that reasoning).
    const boundsFailure = () => sizeFailure() ?? fail([{ path: "", message: "the document passes the input limits" }]);
    // Parsed here, the limits are checked by the walk that decodes each feature (see envelopeBounds).
    if (!parsedHere) {
      const tooBig = sizeFailure();
      if (tooBig !== undefined) return tooBig;
    }
    const tooMany = featureCountProblem(parsed, limits);
    if (tooMany !== undefined) return sizeFailure() ?? fail([{ path: "features", message: tooMany }]);
    const envelope = EnvelopeC.decode(parsed);
    if (E.isLeft(envelope)) return sizeFailure() ?? fail(reportIssues(envelope.left));
    const issues: DecodeIssue[] = [];
    const raws = envelope.right.features;
    const keys = Object.keys(raws);
    const bounds = parsedHere ? envelopeBounds(parsed as Record<string, unknown>, keys.length, limits) : undefined;
    if (passedLimits(bounds)) return boundsFailure();
    // The decoded features in key order; a feature that decodes to itself (every feature of a
    // generated bundle) is not listed: no pair or entry per feature.
    let changed: DecodedFeature[] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const keyProblem = featureKeyProblem(key);
      if (keyProblem !== undefined) issues.push({ path: featurePathOf(key), message: keyProblem });
      const raw = raws[key];
      const decoded = decodeCheckedFeature(raw, limits, undefined, parsedHere, bounds);
      if (passedLimits(bounds)) return boundsFailure();
      if (E.isLeft(decoded)) issues.push(...prefixed(featurePathOf(key), decoded.left.issues));
      else if (decoded.right !== raw || changed !== undefined) (changed ??= keys.slice(0, i).map((k) => raws[k] as DecodedFeature)).push(decoded.right);
    }
    if (issues.length > 0) return fail(issues);
    // A generated bundle's features all decode to themselves, and then the record parsed here
    // (nobody else holds it) is the record of decoded features: kept as it is. Building a copy key by key gave V8 a new object
    // shape per key added (about 1.3 KB per feature); JSON.parse builds this one in one go.
    const features: Record<string, DecodedFeature> = parsedHere && changed === undefined
      ? (raws as Record<string, DecodedFeature>)
      : Object.fromEntries(keys.map((key, i) => [key, changed === undefined ? (raws[key] as DecodedFeature) : changed[i]!]));
    const declared = envelope.right.hash;
    const environment = envelope.right.environment;
    // A compact generated bundle's text holds its features' canonical JSON as one slice: hashed as
    // it is (./text-hash.ts). A pretty-printed one holds each feature's canonical JSON, so the
    // text as parsed here (plain data) hashes to the declared value without re-encoding every
    // feature. Anything else (other key order, PyOF's older form, a value passed in) takes the
    // canonical path.
    if (text.right !== undefined && featuresTextMatches(text.right, declared, environment)) {
      // The features as written are the text that was hashed.
    } else if (!parsedHere || parsedHash(envelope.right.features, environment) !== declared) {
      const actual = bundleHash(features, environment);
      if (actual !== declared) {
        return fail([{ path: "hash", message: `the content does not match the hash: expected ${declared}, found ${actual} (was the file edited or cut short?)` }]);
      }
    }
    return E.right({ format: BUNDLE_FORMAT, hash: declared, features, ...(environment === undefined ? {} : { environment }) });
  } catch (e) {
    // Exotic inputs (getters that throw, proxies) must still come back as a Left.
    return fail([{ path: "", message: `could not read the document: ${e instanceof Error ? e.message : describeValue(e)}` }]);
  }
}
