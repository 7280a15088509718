import * as t from "io-ts";
import { pipe } from "fp-ts/function";
import * as E from "fp-ts/Either";
import { ClassifierC, type Classifier } from "./classifier";
import { JsonValueC, type JsonValue } from "./json";
import { isDecoded, markDecoded } from "../decode/decoded";
import { CHANGED, FROZEN, TOO_BIG, WATCHED, boundedOutcome, unchangedOutcome, walkBudgetLeft } from "../decode/unchanged";
import { valuesBelow } from "../decode/limits";
import { canonicalRecord } from "./canonical";
import { FEATURE_SETTINGS, SETTING_KEYS, featureSettings, settingCodecs, type FeatureSettings } from "./feature-fields";

/** The name evaluation reports when no bucket matched. No bucket may take it. */
export const DEFAULT_BUCKET = "default";

export { PythonVersionC, NodeVersionsC, type PythonVersion } from "./feature-fields";

/** A bucket: a name, the rule that selects it, and the value it yields. */
export interface Bucket {
  readonly name: string;
  readonly classifier: Classifier;
  readonly value: JsonValue;
}

/**
 * A feature, normalized: whichever of PyOF's two forms it was read from, every bucket carries its
 * value here. This is the plain data the DSL builds and the JSON encodes. Its settings
 * (`description`, `python_versions`, `node_versions`, …) come from the table in feature-fields.ts.
 */
export interface FeatureModel extends FeatureSettings {
  readonly type: "offline-feature";
  readonly buckets: readonly Bucket[];
  readonly default: JsonValue;
}

const RawBucketC = t.exact(
  t.intersection([t.type({ name: t.string, classifier: ClassifierC }), t.partial({ value: JsonValueC })]),
  "bucket",
);

/**
 * The JSON shape of a feature in either form, before the rules its shape cannot say (normalize).
 * Exported for the fast path's differential test. @internal
 */
export const RawFeatureC = t.exact(
  t.intersection([
    t.type({ type: t.literal("offline-feature"), buckets: t.readonlyArray(RawBucketC) }),
    t.partial({
      ...settingCodecs,
      values: t.record(t.string, JsonValueC),
      default: JsonValueC,
    }),
  ]),
  "offline-feature",
);
type RawFeature = t.TypeOf<typeof RawFeatureC>;

/** Path-aware failure under `feature.<...keys>`. */
function failAt(raw: unknown, c: t.Context, keys: ReadonlyArray<string | number>, message: string): t.ValidationError {
  let context = c;
  let actual: unknown = raw;
  for (const key of keys) {
    actual = (actual as Record<string | number, unknown> | undefined)?.[key];
    context = t.appendContext(context, String(key), t.unknown, actual);
  }
  return { value: actual, context, message };
}

/** Up to this many buckets, names are checked for duplicates pairwise: no map per feature. */
const PAIRWISE_BUCKETS = 8;

/** The index of the first bucket before `i` named as bucket `i`, or undefined. */
function earlierNamed(buckets: RawFeature["buckets"], i: number, firstIndex: Map<string, number> | undefined): number | undefined {
  const name = buckets[i]!.name;
  if (firstIndex !== undefined) return firstIndex.get(name);
  for (let j = 0; j < i; j++) if (buckets[j]!.name === name) return j;
  return undefined;
}

/**
 * True when the checked document already is the model (the canonical current form: a value on
 * every bucket, a default, every defaulted setting written): it is returned as it is, not copied.
 */
function isModelShaped(raw: RawFeature): boolean {
  if (raw.values !== undefined || raw.default === undefined) return false;
  // Indexed loops: this runs once per feature at load, often before V8 optimizes it, and an
  // unoptimized for…of allocates an iterator result per step.
  for (let i = 0; i < SETTING_KEYS.length; i++) {
    const key = SETTING_KEYS[i]!;
    if (raw[key] === undefined && FEATURE_SETTINGS[key].absent !== undefined) return false;
  }
  for (let i = 0; i < raw.buckets.length; i++) if (raw.buckets[i]!.value === undefined) return false;
  return true;
}

/** The rules the JSON's shape cannot say: reserved and unique names, and a consistent values map. */
/**
 * @param walked the fast path's outcome flags when it checked `raw` (runtime/decode/unchanged.ts): whether
 *   it saw no watched node, and whether it froze the document already.
 */
function normalize(raw: RawFeature, input: unknown, c: t.Context, walked = WATCHED): t.Validation<FeatureModel> {
  const noWatchedNode = (walked & WATCHED) === 0;
  let errors: t.ValidationError[] | undefined;
  const buckets = raw.buckets;
  const firstIndex = buckets.length > PAIRWISE_BUCKETS || raw.values !== undefined ? new Map<string, number>() : undefined;
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i]!;
    if (bucket.name === DEFAULT_BUCKET) {
      (errors ??= []).push(failAt(input, c, ["buckets", i, "name"], `the bucket name "${DEFAULT_BUCKET}" is reserved for the feature's default`));
    }
    const first = earlierNamed(buckets, i, firstIndex);
    if (first !== undefined) {
      (errors ??= []).push(failAt(input, c, ["buckets", i, "name"], `duplicate bucket name ${JSON.stringify(bucket.name)}, already used by buckets[${first}]`));
    } else firstIndex?.set(bucket.name, i);
    if (raw.values !== undefined && bucket.value !== undefined) {
      (errors ??= []).push(failAt(input, c, ["buckets", i, "value"], `bucket ${JSON.stringify(bucket.name)} has a value and the feature has a "values" map; use one form`));
    }
  }
  if (raw.values !== undefined) {
    for (const name of Object.keys(raw.values)) {
      if (!firstIndex!.has(name)) (errors ??= []).push(failAt(input, c, ["values", name], `"values" names ${JSON.stringify(name)}, which is not a bucket`));
    }
  }
  if (errors !== undefined) return t.failures(errors);
  // A copy below keeps the checked classifiers as they are, so what the walk saw still holds.
  if (isModelShaped(raw)) return t.success(markDecoded(raw as FeatureModel, "feature", noWatchedNode, (walked & FROZEN) !== 0));

  const fallback: JsonValue = raw.default === undefined ? null : raw.default;
  const values = raw.values ?? {};
  const model: FeatureModel = {
    type: "offline-feature",
    ...featureSettings(raw),
    buckets: raw.buckets.map((b) => ({
      name: b.name,
      classifier: b.classifier,
      value: b.value !== undefined ? b.value : Object.prototype.hasOwnProperty.call(values, b.name) ? values[b.name]! : fallback,
    })),
    default: fallback,
  };
  return t.success(markDecoded(model, "feature", noWatchedNode));
}

/**
 * The feature codec, with or without the fast path for canonical documents. Without it is the
 * plain io-ts decode, which the fast path's differential test compares with. @internal
 */
export function featureCodec(fastPath: boolean): t.Type<FeatureModel, JsonValue, unknown> {
  return new t.Type<FeatureModel, JsonValue, unknown>(
    "offline-feature",
    (u): u is FeatureModel => RawFeatureC.is(u) && (u as { values?: unknown }).values === undefined,
    (u, c) => {
      if (isDecoded(u, "feature")) return t.success(u);
      // A canonical document is its own decoded form: checked without io-ts's contexts, and decoded
      // by io-ts (for its messages, or its stripped copy) only when it is not (runtime/decode/unchanged.ts).
      if (fastPath) {
        const outcome = unchangedOutcome(RawFeatureC, u);
        if (outcome !== CHANGED) return normalize(u as RawFeature, u, c, outcome);
      }
      return pipe(RawFeatureC.validate(u, c), E.chain((raw) => normalize(raw, u, c)));
    },
    (model) => canonicalRecord(model),
  );
}

/**
 * Decodes a feature that JSON.parse just returned (a bundle's or a feature file's text, parsed by
 * the loader): as {@link FeatureC}, with the fast path told the input is plain JSON
 * (runtime/decode/unchanged.ts). For any other value use FeatureC. @internal
 */
export function decodeParsedFeature(u: unknown, bounds?: FeatureBounds): t.Validation<FeatureModel> {
  if (bounds !== undefined) return decodeWithin(u, bounds);
  // The context io-ts's decode starts from, so that errors name the same paths.
  // The loader's own parse: the walk may freeze it as it goes (no second walk to freeze the model).
  const outcome = unchangedOutcome(RawFeatureC, u, true, true);
  return outcome !== CHANGED ? normalize(u as RawFeature, u, (rootContext ??= t.getDefaultContext(FeatureC)), outcome) : FeatureC.decode(u);
}

/**
 * Where a bundle's feature lies and what the bundle may still hold, for a decode that checks the
 * input limits as it walks (runtime/store/bundle.ts): the feature's level, the deepest level a
 * value may lie at, and the values the rest of the bundle may hold, which each decode lowers.
 * `tooBig` is set when the feature passes a limit: the bundle is then refused for its size, with
 * the message of runtime/decode/limits.ts. @internal
 */
export interface FeatureBounds {
  readonly level: number;
  readonly maxLevel: number;
  budget: number;
  tooBig: boolean;
}

/** {@link decodeParsedFeature} within `bounds`: what the fast path does not take is measured whole before io-ts decodes it (io-ts recurses). */
function decodeWithin(u: unknown, bounds: FeatureBounds): t.Validation<FeatureModel> {
  const context = (rootContext ??= t.getDefaultContext(FeatureC));
  const outcome = boundedOutcome(RawFeatureC, u, bounds.level, bounds.maxLevel, bounds.budget);
  if (outcome !== CHANGED && outcome !== TOO_BIG) {
    bounds.budget = walkBudgetLeft();
    return normalize(u as RawFeature, u, context, outcome);
  }
  if (outcome !== TOO_BIG && measuredWithin(u, bounds)) return FeatureC.decode(u);
  bounds.tooBig = true;
  return t.failure(u, context, "the feature passes the input limits");
}

/** Counts `u` (below itself) against `bounds`: false, with nothing counted, when it passes them. */
export function measuredWithin(u: unknown, bounds: FeatureBounds): boolean {
  const below = valuesBelow(u, bounds.maxLevel - bounds.level, bounds.budget);
  if (below < 0) return false;
  bounds.budget -= below;
  return true;
}

/** The context io-ts's decode starts from (`[{ key: "", type: FeatureC }]`), built once: contexts are read-only, and appending copies. */
let rootContext: t.Context | undefined;

/**
 * The feature codec: decodes either PyOF form (per-bucket `value`, or the earlier `values` map)
 * into a {@link FeatureModel}, and encodes the canonical current form. What it decodes comes out
 * frozen and recorded as decoded (runtime/decode/decoded.ts), so decoding it again is free.
 */
export const FeatureC = featureCodec(true);
