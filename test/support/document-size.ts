/**
 * The deepest level (the root is at 0) and the count of values (records, arrays and scalars, the
 * root included) of a small document, by plain recursion: the reference the input limits' walks
 * are held to (runtime/decode/limits.ts, and the bounded decoding walk of runtime/decode/unchanged.ts).
 */
export function measured(value: unknown, level = 0): { deepest: number; count: number } {
  const children = Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.values(value) : [];
  return children.reduce<{ deepest: number; count: number }>(
    (acc, child) => {
      const inner = measured(child, level + 1);
      return { deepest: Math.max(acc.deepest, inner.deepest), count: acc.count + inner.count };
    },
    { deepest: level, count: 1 },
  );
}
