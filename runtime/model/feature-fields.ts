import * as t from "io-ts";
import { checkedString } from "../decode/tagged-union";
import { rangeProblem } from "../semver/range";
import { ref, type JsonSchema } from "../schema/types";
import type { JsonValue } from "./json";

/*
 * The feature's top-level fields, in one table. A feature document is `type`, the settings below,
 * `buckets` and `default` (and, in PyOF's earlier form, `values`). The settings are the part that
 * grows; everything that handles a feature's top level reads them from here:
 *
 *   - the codec (model/feature.ts) decodes each with its `codec` and fills in `absent`;
 *   - canonical JSON (model/canonical.ts) writes the fields in FEATURE_FIELD_ORDER;
 *   - the JSON Schema's common part (schema/feature-schema.ts) takes each `schema`;
 *   - the DSL's builder (dsl/feature.ts) holds them as {@link FeatureSettingValues} and finishes
 *     the model with {@link featureSettings};
 *   - the importer (codegen/import/pyof.ts) writes `.<dsl.method>(<dsl.args>)` for each one set.
 *
 * A new setting is one entry here plus its DSL method (the importer's compile-time check and the
 * import → gen round-trip property test fail until the method exists).
 */

/** The Python versions PyOF writes in `python_versions` ("all", "py3.10", …). */
export type PythonVersion = "all" | `py${number}.${number}` | `py${number}`;

/** Built once: a regex literal in the check would be a new RegExp object per call. */
const PYTHON_VERSION = /^(all|py\d+(\.\d+)?)$/;

/** io-ts codec for {@link PythonVersion}. */
export const PythonVersionC = checkedString("PythonVersion", (s) =>
  PYTHON_VERSION.test(s) ? undefined : `expected "all" or a version like "py3.12", found ${JSON.stringify(s)}`,
) as unknown as t.Type<PythonVersion, PythonVersion, unknown>;

/**
 * The Node versions a feature applies to, as an npm-style range (">=20", "^20.10 || >=22"): the
 * Node counterpart of `python_versions`. Outside it, evaluation returns the default, `DISABLED`.
 */
export const NodeVersionsC = checkedString("NodeVersions", (s) => rangeProblem(s));

/** How one setting is read, checked, described and written back as DSL. */
interface SettingField<A, M extends string> {
  readonly codec: t.Type<A, A, unknown>;
  readonly schema: JsonSchema;
  /** The DSL builder method that sets it, and that method's arguments for a value. */
  readonly dsl: { readonly method: M; readonly args: (value: A) => readonly JsonValue[] };
}
/** A setting the model leaves out when the JSON does (`description`). */
interface OptionalSetting<A, M extends string> extends SettingField<A, M> {
  readonly absent: undefined;
}
/** A setting the model always has: `absent` is its value when the JSON leaves it out (`python_versions`: `["all"]`). */
interface DefaultedSetting<A, M extends string> extends SettingField<A, M> {
  readonly absent: A;
}

const optional = <A, const M extends string>(field: SettingField<A, M>): OptionalSetting<A, M> => ({ ...field, absent: undefined });
const defaulted = <A, const M extends string>(field: SettingField<A, M>, absent: A): DefaultedSetting<A, M> => ({ ...field, absent });

/** The settings, in the order canonical JSON writes them (PyOF's order). */
export const FEATURE_SETTINGS = {
  /** A human description; it goes into the JSON and the generated getter's docs. */
  description: optional({ codec: t.string, schema: { type: "string" }, dsl: { method: "description", args: (text: string) => [text] } }),
  /** PyOF's `python_versions`: where the feature applies in Python services. */
  python_versions: defaulted(
    { codec: t.readonlyArray(PythonVersionC), schema: { type: "array", items: ref("pythonVersion") }, dsl: { method: "pythonVersions", args: (versions: readonly PythonVersion[]) => versions } },
    ["all"] as readonly PythonVersion[],
  ),
  /** The Node versions it applies to (npm range syntax); absent means every version. */
  node_versions: optional({ codec: NodeVersionsC, schema: ref("versionRange"), dsl: { method: "nodeVersions", args: (range: string) => [range] } }),
} as const;

type Settings = typeof FEATURE_SETTINGS;
/** The name of a feature setting (`"node_versions"`). */
export type SettingKey = keyof Settings;
type ValueOf<K extends SettingKey> = Settings[K] extends SettingField<infer A, string> ? A : never;
type Defaulted = { [K in SettingKey]: Settings[K] extends DefaultedSetting<unknown, string> ? K : never }[SettingKey];

/** The settings as a model holds them: defaulted ones always present, optional ones when given. */
export type FeatureSettings = { readonly [K in Defaulted]: ValueOf<K> } & { readonly [K in Exclude<SettingKey, Defaulted>]?: ValueOf<K> };
/** The settings as given (JSON or DSL calls): each may be missing. */
export type FeatureSettingValues = { readonly [K in SettingKey]?: ValueOf<K> };
/** The DSL method names the settings need (the importer checks the builder has each). */
export type SettingMethod = Settings[SettingKey]["dsl"]["method"];

/** The setting keys, in canonical order. */
export const SETTING_KEYS = Object.keys(FEATURE_SETTINGS) as readonly SettingKey[];

/** Every top-level field of a feature document, in the order canonical JSON writes them (`values` is never written). */
export const FEATURE_FIELD_ORDER: readonly string[] = ["type", ...SETTING_KEYS, "buckets", "default"];

/** Each setting's codec, for the feature codec's `t.partial`. */
export const settingCodecs = Object.fromEntries(SETTING_KEYS.map((key) => [key, FEATURE_SETTINGS[key].codec])) as { readonly [K in SettingKey]: Settings[K]["codec"] };

/** Each setting's JSON Schema, for the schema's common part (pure: an app bundle without the schema drops it). */
export const settingSchemas: { readonly [K in SettingKey]: JsonSchema } = /* @__PURE__ */ Object.fromEntries(SETTING_KEYS.map((key) => [key, FEATURE_SETTINGS[key].schema])) as { [K in SettingKey]: JsonSchema };

/** The model's settings from the given ones: each given value as is, a missing one as its `absent` (or left out). */
export function featureSettings(given: FeatureSettingValues): FeatureSettings {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = given[key] ?? FEATURE_SETTINGS[key].absent;
    if (value !== undefined) settings[key] = value;
  }
  return settings as FeatureSettings;
}
