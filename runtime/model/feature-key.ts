import { checkedString } from "../decode/tagged-union";

/** Longer keys are refused: a key names files and identifiers, and input is bounded before work. */
export const MAX_FEATURE_KEY_LENGTH = 128;

/**
 * Words separated by single `-`, `.` or `_`, starting with a letter or `_`: `new-checkout`,
 * `newCheckout`, `new_checkout`, `checkout.v2`. No leading, trailing or doubled `-`/`.`, so the key
 * is also a safe file name on every platform (no `..`, no trailing dot that Windows would drop).
 */
const FEATURE_KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$/;

/** Keys a plain object treats specially; stores use maps, but bundles are plain JSON objects. */
const PROTOTYPE_KEYS = new Set(["__proto__"]);

/**
 * Why `key` cannot be a feature key, or undefined. A key names the feature's bundle entry, its
 * generated files and its getters (`new-checkout` → `generated/new-checkout.json`,
 * `getNewCheckout`), so it is made of letters, digits and `_`, with `-` and `.` between words.
 */
export function featureKeyProblem(key: string): string | undefined {
  if (key.length > MAX_FEATURE_KEY_LENGTH) return `expected a feature key of at most ${MAX_FEATURE_KEY_LENGTH} characters, found one of ${key.length}`;
  if (!FEATURE_KEY.test(key)) {
    return `expected a feature key like "new-checkout", "newCheckout", "new_checkout" or "checkout.v2" (letters, digits and _, with - or . between words, starting with a letter or _), found ${JSON.stringify(key)}`;
  }
  return PROTOTYPE_KEYS.has(key) ? `the feature key ${JSON.stringify(key)} is reserved` : undefined;
}

/** io-ts codec for a feature key. */
export const FeatureKeyC = checkedString("FeatureKey", featureKeyProblem);
