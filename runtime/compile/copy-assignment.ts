/**
 * Hands out identical copies of a function, one per key, so that each copy's call and load sites
 * keep the feedback of one key (context readers, ordering closures, bucket loops: each file says
 * why it has copies). The same key always gets the same copy.
 *
 * Bounded, because the keys come from input (context key names, feature shapes): the first
 * `limit` keys are remembered and get the copies in turn; later keys are not stored, and get a
 * copy chosen by a hash of the key, still the same one for the same key.
 */
export class CopyAssignment<T> {
  private readonly assigned = new Map<string, T>();

  constructor(
    private readonly copies: readonly T[],
    private readonly limit: number,
  ) {}

  /** The copy for `key`. */
  for(key: string): T {
    const known = this.assigned.get(key);
    if (known !== undefined) return known;
    if (this.assigned.size >= this.limit) return this.copies[hashOf(key) % this.copies.length]!;
    const copy = this.copies[this.assigned.size % this.copies.length]!;
    this.assigned.set(key, copy);
    return copy;
  }
}

function hashOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return h;
}
