/**
 * Freezes a value and everything it holds. A feature's model and values are shared by every
 * evaluation (and by memoized results), so one caller mutating a returned object must not change
 * what the next caller gets, nor make `dumps()` disagree with evaluation. Done once, at load.
 */
export function deepFreeze<T>(value: T): T {
  // One stack for every call (a load freezes each feature): this call works above the height it
  // found and pops back to it, so the storage is not grown again per feature; after a very large
  // value it is cut, so that one hostile document does not keep a big stack alive.
  const stack = freezeStack;
  const base = stack.length;
  let peak = base;
  stack.push(value);
  try {
    while (stack.length > base) {
      const current = stack.pop();
      // Decoded models are acyclic (the decoder bounds depth), so no visited set is needed; an
      // already frozen object may still hold unfrozen ones, so it is walked too.
      if (typeof current !== "object" || current === null) continue;
      Object.freeze(current);
      // for…in over own keys: the same values as Object.values, without an array per object.
      for (const key in current) if (Object.prototype.hasOwnProperty.call(current, key)) stack.push((current as Record<string, unknown>)[key]);
      if (stack.length > peak) peak = stack.length;
    }
  } finally {
    if (peak > KEPT_STACK) stack.length = base;
    else while (stack.length > base) stack.pop();
  }
  return value;
}

/** Up to this height the shared stack keeps its storage between calls. */
const KEPT_STACK = 4096;

const freezeStack: unknown[] = [];
