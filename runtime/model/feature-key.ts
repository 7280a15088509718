import { checkedString } from "../decode/tagged-union";

/**
 * Why `key` cannot be a feature key, or undefined. A key names the feature's files and getters
 * (`test` → `generated/test.json`, `getTest`) and a bundle entry, so it must be an identifier, and
 * not `__proto__`, which plain objects treat specially.
 */
export function featureKeyProblem(key: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    return `expected a feature key: an identifier like "new_checkout" (letters, digits and _, not starting with a digit), found ${JSON.stringify(key)}`;
  }
  return key === "__proto__" ? 'the feature key "__proto__" is reserved' : undefined;
}

/** io-ts codec for a feature key. */
export const FeatureKeyC = checkedString("FeatureKey", featureKeyProblem);
