import { MAX_FEATURE_KEY_LENGTH } from "../model/feature-key";
import { MAX_PATTERN_LENGTH } from "../regex";
import { MAX_RANGE_LENGTH } from "../semver/range";
import { MAX_SEMVER_LENGTH } from "../semver/parse";
import type { JsonSchema } from "./types";

/*
 * Field schemas shared by several nodes. Where the codec checks more than JSON Schema can say
 * (a regex compiles, a version fits in a safe integer, bucket names are unique), the schema is
 * the looser of the two: whatever the codec accepts, the schema accepts.
 */

/** A context attribute name, as `ContextNameC` checks it. */
export const contextName: JsonSchema = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_.-]*$", description: 'A key of the evaluation context, like "userId".' };

/** An environment variable name, as `EnvNameC` checks it. */
export const envName: JsonSchema = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: 'An environment variable name, like "DEPLOY_ENV".' };

/** A feature key, as `FeatureKeyC` checks it. */
export const featureKey: JsonSchema = {
  type: "string",
  pattern: "^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$",
  maxLength: MAX_FEATURE_KEY_LENGTH,
  description: 'A feature key, like "new-checkout", "newCheckout", "new_checkout" or "checkout.v2".',
};

/** A rollout salt. */
export const salt: JsonSchema = { type: "string", minLength: 1, description: "Hashed before the unit; defaults to the feature key." };

/** A regular expression source (JavaScript syntax with the `u` flag; compiled at load). */
export const pattern: JsonSchema = { type: "string", maxLength: MAX_PATTERN_LENGTH, description: "A regular expression, searched unanchored." };

/** A SemVer 2.0 version, with an optional leading "v" (semver.org's regular expression). */
export const version: JsonSchema = {
  type: "string",
  maxLength: MAX_SEMVER_LENGTH,
  pattern:
    "^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",
  description: 'A SemVer 2.0 version, like "2.1.0" or "2.1.0-rc.1".',
};

/** An RFC 3339 instant with a time zone. */
export const instant: JsonSchema = {
  type: "string",
  format: "date-time",
  pattern: "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$",
  description: 'An RFC 3339 instant with a time zone, like "2026-12-01T00:00:00Z".',
};

/** An npm-style version range for `node_versions`. */
export const versionRange: JsonSchema = {
  type: "string",
  minLength: 1,
  maxLength: MAX_RANGE_LENGTH,
  description: 'An npm-style version range, like ">=20" or "^20.10 || >=22".',
  examples: [">=20", "^20.10 || >=22"],
};

/** A Python version as PyOF writes it in `python_versions`. */
export const pythonVersion: JsonSchema = { type: "string", pattern: "^(all|py\\d+(\\.\\d+)?)$" };

/** A literal a comparison compares against. */
export const scalar: JsonSchema = { type: ["string", "number", "boolean", "null"] };

/** Any JSON value (bucket values and the default). */
export const jsonValue: JsonSchema = true;

/** The shared fragments, by the `$defs` name the generated schema gives them. */
export const fragments = { contextName, envName, featureKey, salt, pattern, version, instant, versionRange, pythonVersion, scalar, jsonValue } as const;
