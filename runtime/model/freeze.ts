/**
 * Freezes a value and everything it holds. A feature's model and values are shared by every
 * evaluation (and by memoized results), so one caller mutating a returned object must not change
 * what the next caller gets, nor make `dumps()` disagree with evaluation. Done once, at load.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    // Decoded models are acyclic (the decoder bounds depth), so no visited set is needed; an
    // already frozen object may still hold unfrozen ones, so it is walked too.
    if (typeof current !== "object" || current === null) continue;
    Object.freeze(current);
    // for…in over own keys: the same values as Object.values, without an array per object.
    for (const key in current) if (Object.prototype.hasOwnProperty.call(current, key)) stack.push((current as Record<string, unknown>)[key]);
  }
  return value;
}
