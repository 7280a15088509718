/**
 * Spreads the closures of one operator over several identical copies, one per key, so that the
 * calls inside each copy keep monomorphic feedback. See ordering.ts for the one user and the why.
 */
export function siteFor<T>(copies: readonly T[], assigned: Map<string, T>, key: string): T {
  const known = assigned.get(key);
  if (known !== undefined) return known;
  // Bounded by the number of distinct keys, which come from a closed set of tags.
  const copy = copies[assigned.size % copies.length]!;
  assigned.set(key, copy);
  return copy;
}
