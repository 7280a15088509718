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

/**
 * How a node is written: a model record (its fields in {@link FIELD_ORDER}), a bucket (a record
 * whose `value` is a user value), a model field (records inside it stay records), or a user value
 * (object keys sorted at every level).
 */
type As = "record" | "bucket" | "field" | "value";

const USER_VALUE_FIELDS = new Set(["default"]);

/** How a record's field is written. */
function fieldMode(key: string, field: unknown, isBucket: boolean): As {
  if (USER_VALUE_FIELDS.has(key) || (isBucket && key === "value")) return "value";
  return key === "buckets" && Array.isArray(field) ? "bucket" : "field";
}

/** One pending node: the input, how to write it, and the slot of the output that receives it. */
interface Task {
  readonly input: unknown;
  readonly as: As;
  readonly into: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/**
 * Sets a slot as own data. Assignment would make a `"__proto__"` key (in a user value) the
 * object's prototype, so that one key is defined instead; every other slot is a plain, fast store.
 */
function put(into: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });
  else (into as Record<string | number, unknown>)[key] = value;
}

/**
 * Writes `root` canonically with an explicit stack, never recursion, so nesting is bounded by the
 * heap, not the call stack (a 100,000-deep value array is written like any other). Each container
 * is created with its keys already in canonical order, then filled in as its children are done.
 */
function canonical(root: unknown, as: As): JsonValue {
  const holder: unknown[] = [undefined];
  const stack: Task[] = [{ input: root, as, into: holder, key: 0 }];
  while (stack.length > 0) {
    const { input, as: mode, into, key } = stack.pop()!;
    if (typeof input !== "object" || input === null) {
      put(into, key, input);
      continue;
    }
    if (Array.isArray(input)) {
      // Items of a model array stay fields (a bool.all's children are records through Field);
      // a bucket list's items are buckets.
      const out: unknown[] = new Array(input.length);
      put(into, key, out);
      const itemMode = mode === "bucket" ? "bucket" : mode === "value" ? "value" : "field";
      for (let i = input.length - 1; i >= 0; i--) stack.push({ input: input[i], as: itemMode, into: out, key: i });
      continue;
    }
    const source = input as Record<string, unknown>;
    const asRecord = mode === "record" || mode === "bucket" || (mode === "field" && TAG in source);
    const out: Record<string, unknown> = {};
    put(into, key, out);
    if (!asRecord) {
      for (const k of Object.keys(source).sort()) {
        put(out, k, undefined);
        stack.push({ input: source[k], as: "value", into: out, key: k });
      }
      continue;
    }
    for (const k of Object.keys(source).sort(byModelOrder)) {
      const field = source[k];
      if (field === undefined) continue;
      put(out, k, undefined);
      stack.push({ input: field, as: fieldMode(k, field, mode === "bucket"), into: out, key: k });
    }
  }
  return holder[0] as JsonValue;
}

/** A user value with object keys sorted at every level. */
export function sortedValue(value: JsonValue): JsonValue {
  return canonical(value, "value");
}

/**
 * A model record (feature, bucket, classifier or attribute) with its fields in canonical order.
 * A bucket's `value` and the feature's `default` are user values; everything else is model.
 */
export function canonicalRecord(record: object, isBucket = false): JsonValue {
  return canonical(record, isBucket ? "bucket" : "record");
}
