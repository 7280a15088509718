import { TAG } from "../decode/tagged-union";
import type { JsonValue } from "./json";
import { FEATURE_FIELD_ORDER } from "./feature-fields";

/*
 * Canonical JSON: the same model always prints the same bytes, so generated files diff cleanly in
 * review and `gen --check` can compare text. Model records keep PyOF's field order; user values
 * (bucket values, defaults) have their object keys sorted.
 */

/**
 * Field order of model records, as PyOF writes them; fields not listed follow, sorted. A feature's
 * top-level fields come from the feature field table; the rest are the fields of buckets and rule
 * nodes (no record mixes the two, so one list orders both).
 */
const FIELD_ORDER = [...FEATURE_FIELD_ORDER, TAG, "name", "attribute", "feature", "salt", "classifier", "value"];
const rank = (key: string): number => {
  const i = FIELD_ORDER.indexOf(key);
  return i < 0 ? FIELD_ORDER.length : i;
};
const byModelOrder = (a: string, b: string): number => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** A user value with object keys sorted at every level. */
export function sortedValue(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedValue);
  if (typeof value === "object" && value !== null) {
    // Object.fromEntries defines own properties: a "__proto__" key in a value is kept as data.
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedValue((value as Record<string, JsonValue>)[key]!)]));
  }
  return value;
}

const USER_VALUE_FIELDS = new Set(["default"]);

/**
 * A model record (feature, bucket, classifier or attribute) with its fields in canonical order.
 * A bucket's `value` and the feature's `default` are user values; everything else is model.
 */
export function canonicalRecord(record: object, isBucket = false): JsonValue {
  const source = record as Record<string, unknown>;
  const entries: [string, JsonValue][] = [];
  for (const key of Object.keys(source).sort(byModelOrder)) {
    const field = source[key];
    if (field === undefined) continue;
    if (USER_VALUE_FIELDS.has(key) || (isBucket && key === "value")) entries.push([key, sortedValue(field as JsonValue)]);
    else if (key === "buckets" && Array.isArray(field)) entries.push([key, field.map((b: object) => canonicalRecord(b, true))]);
    else entries.push([key, canonicalField(field)]);
  }
  return Object.fromEntries(entries);
}

function canonicalField(field: unknown): JsonValue {
  if (Array.isArray(field)) return field.map(canonicalField);
  if (typeof field === "object" && field !== null) {
    return TAG in field ? canonicalRecord(field) : sortedValue(field as JsonValue);
  }
  return field as JsonValue;
}
