/**
 * A table of descriptors by tag, built from a descriptor list. The caller states the table's
 * mapped type (`{ [K in Tag]: Descriptor<NodeOf<K>> }`); the list holds one descriptor per tag, so
 * the mapped type is what the list gives.
 */
export function byTag<D extends { readonly tag: string }, T>(descriptors: readonly D[]): T {
  const table: Record<string, D> = {};
  for (const d of descriptors) {
    if (Object.prototype.hasOwnProperty.call(table, d.tag)) throw new Error(`two descriptors for the tag ${JSON.stringify(d.tag)}`);
    table[d.tag] = d;
  }
  return Object.freeze(table) as T;
}

/** A table with one entry per tag, computed from each descriptor. */
export function mapByTag<D extends { readonly tag: string }, V, T>(descriptors: readonly D[], f: (descriptor: D) => V): T {
  const table: Record<string, V> = {};
  for (const d of descriptors) table[d.tag] = f(d);
  return Object.freeze(table) as T;
}
