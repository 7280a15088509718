import * as t from "io-ts";
import { pipe } from "fp-ts/function";
import * as E from "fp-ts/Either";
import { ClassifierC, type Classifier } from "./classifier";
import { JsonValueC, type JsonValue } from "./json";
import { isDecoded, markDecoded } from "../decode/decoded";
import { decodesUnchanged } from "../decode/unchanged";
import { canonicalRecord } from "./canonical";
import { featureSettings, settingCodecs, type FeatureSettings } from "./feature-fields";

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

/** The rules the JSON's shape cannot say: reserved and unique names, and a consistent values map. */
function normalize(raw: RawFeature, input: unknown, c: t.Context): t.Validation<FeatureModel> {
  const errors: t.ValidationError[] = [];
  const firstIndex = new Map<string, number>();
  raw.buckets.forEach((bucket, i) => {
    if (bucket.name === DEFAULT_BUCKET) {
      errors.push(failAt(input, c, ["buckets", i, "name"], `the bucket name "${DEFAULT_BUCKET}" is reserved for the feature's default`));
    }
    const first = firstIndex.get(bucket.name);
    if (first !== undefined) {
      errors.push(failAt(input, c, ["buckets", i, "name"], `duplicate bucket name ${JSON.stringify(bucket.name)}, already used by buckets[${first}]`));
    } else firstIndex.set(bucket.name, i);
    if (raw.values !== undefined && bucket.value !== undefined) {
      errors.push(failAt(input, c, ["buckets", i, "value"], `bucket ${JSON.stringify(bucket.name)} has a value and the feature has a "values" map; use one form`));
    }
  });
  for (const name of Object.keys(raw.values ?? {})) {
    if (!firstIndex.has(name)) errors.push(failAt(input, c, ["values", name], `"values" names ${JSON.stringify(name)}, which is not a bucket`));
  }
  if (errors.length > 0) return t.failures(errors);

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
  return t.success(markDecoded(model, "feature"));
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
      if (fastPath && decodesUnchanged(RawFeatureC, u)) return normalize(u as RawFeature, u, c);
      return pipe(RawFeatureC.validate(u, c), E.chain((raw) => normalize(raw, u, c)));
    },
    (model) => canonicalRecord(model),
  );
}

/**
 * The feature codec: decodes either PyOF form (per-bucket `value`, or the earlier `values` map)
 * into a {@link FeatureModel}, and encodes the canonical current form. What it decodes comes out
 * frozen and recorded as decoded (runtime/decode/decoded.ts), so decoding it again is free.
 */
export const FeatureC = featureCodec(true);
