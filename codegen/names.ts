/*
 * The identifiers generated for a feature key: `test` → `getTest`, `getTestDetails`, `TestValue`,
 * `TestBucket`, `TestContext`; `checkout_v2` → `getCheckoutV2`, ….
 */

/** `checkout_v2` → `CheckoutV2`; `_beta` → `Beta`. */
export function pascalCase(key: string): string {
  return key
    .split("_")
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("") || "Feature";
}

/** The names the accessor module of `key` exports. */
export interface AccessorNames {
  readonly getter: string;
  readonly details: string;
  readonly value: string;
  readonly bucket: string;
  readonly context: string;
}

/** The exported names for `key`. */
export function accessorNames(key: string): AccessorNames {
  const base = pascalCase(key);
  return {
    getter: `get${base}`,
    details: `get${base}Details`,
    value: `${base}Value`,
    bucket: `${base}Bucket`,
    context: `${base}Context`,
  };
}

/** Words that cannot name a variable (the import command names the exported feature after its key). */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with implements interface let package private " +
    "protected public static yield await"
  ).split(" "),
);

/** A variable name for `key`: the key itself, or `<key>Feature` when the key is a reserved word. */
export function variableName(key: string): string {
  return RESERVED.has(key) ? `${key}Feature` : key;
}

/** `test-values-map` → `test_values_map`: a file name made into a feature key. */
export function keyFromFileName(name: string): string {
  const key = name.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(key) ? `_${key}` : key === "" ? "_" : key;
}
