import type { JsonValue } from "./json";

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * True when two JSON values have the same canonical JSON: the same scalars (`0` and `-0` alike,
 * as their JSON text is), arrays of the same items in order, and records with the same keys in
 * any order. Iterative (two explicit stacks): the values' depth comes from input. Stops at the
 * first difference, so telling two different features apart usually costs a few nodes.
 */
export function sameJson(a: JsonValue, b: JsonValue): boolean {
  const left: JsonValue[] = [a];
  const right: JsonValue[] = [b];
  while (left.length > 0) {
    const x = left.pop()!;
    const y = right.pop()!;
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) {
        left.push(x[i]!);
        right.push(y[i]!);
      }
      continue;
    }
    if (Array.isArray(y)) return false;
    let count = 0;
    for (const key in x) {
      if (!hasOwn.call(x, key)) continue;
      if (!hasOwn.call(y, key)) return false;
      count++;
      left.push((x as Record<string, JsonValue>)[key]!);
      right.push((y as Record<string, JsonValue>)[key]!);
    }
    for (const key in y) if (hasOwn.call(y, key)) count--;
    if (count !== 0) return false;
  }
  return true;
}
