/*
 * The identifiers generated for a feature key: `test` → `getTest`, `getTestDetails`, `TestValue`,
 * `TestBucket`, `TestContext`; `new-checkout`, `newCheckout` and `new_checkout` → `getNewCheckout`;
 * `checkout.v2` → `getCheckoutV2`.
 */

/** The words of a key: split at `-`, `.` and `_` (a camelCase key is one word whose case is kept). */
function words(key: string): string[] {
  return key.split(/[-._]/).filter((part) => part !== "");
}

/** `new-checkout`, `newCheckout`, `new_checkout` → `NewCheckout`; `checkout.v2` → `CheckoutV2`; `_beta` → `Beta`. */
export function pascalCase(key: string): string {
  return words(key)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("") || "Feature";
}

/** `new-checkout` → `newCheckout`: a key as a variable name (keys that are identifiers stay as they are). */
export function camelCase(key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return key;
  const pascal = pascalCase(key);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
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

/** A variable name for `key`: the key in camelCase, or `<name>Feature` when that is a reserved word. */
export function variableName(key: string): string {
  const name = camelCase(key);
  return RESERVED.has(name) ? `${name}Feature` : name;
}

/**
 * A file name made into a feature key: `test-values-map` stays `test-values-map` (a valid key);
 * other characters become `_`, and a leading digit gets a `_`.
 */
export function keyFromFileName(name: string): string {
  const key = name.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/[.-]{2,}/g, (run) => run[0]!).replace(/^[.-]+|[.-]+$/g, "");
  return /^[0-9]/.test(key) ? `_${key}` : key === "" ? "_" : key;
}

/** File names Windows refuses whatever the extension (`con.ts`, `nul.v2.json`). */
const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

/** Why the generated files of `key` (`<key>.ts`, `<key>.json`) would not be portable, or undefined. */
export function fileNameProblem(key: string): string | undefined {
  return WINDOWS_DEVICE_NAMES.test(key) ? `its file names (${key}.ts, ${key}.json) are device names on Windows` : undefined;
}
