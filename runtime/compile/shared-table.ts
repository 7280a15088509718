/**
 * Values shared process-wide under two keys, made on first ask: the JSON paths below a rule's root
 * (runtime/compile/scope.ts), the error sites at a bucket and path (./error-site.ts), the prebuilt
 * answers of a bucket and value (runtime/evaluate/answer-records.ts). Features alike in shape ask
 * for the same entries, so a real bundle fills a few dozen.
 *
 * Bounded, because the keys come from input: once `limit` entries are kept, a key pair not among
 * them is answered undefined and the caller builds its own value, as it would without the table.
 * Process-wide and first come, first served: nothing is ever dropped.
 */
export class SharedTable<A, B, V> {
  private readonly entries = new Map<A, Map<B, V>>();
  private count = 0;

  constructor(
    private readonly limit: number,
    /** Makes the value for a key pair met for the first time (a module-level function: no closure per ask). */
    private readonly make: (a: A, b: B) => V,
  ) {}

  /** The value shared under `a` and `b`, or undefined when the table is full and holds none. */
  shared(a: A, b: B): V | undefined {
    let byB = this.entries.get(a);
    const found = byB?.get(b);
    if (found !== undefined) return found;
    if (this.count >= this.limit) return undefined;
    const value = this.make(a, b);
    if (byB === undefined) this.entries.set(a, (byB = new Map()));
    byB.set(b, value);
    this.count++;
    return value;
  }
}
