import type { EvaluationContext } from "../../../evaluate/context";
import { CopyAssignment } from "../../../compile/copy-assignment";

/*
 * Why context attributes read through a pool of identical one-line functions.
 *
 * `ctx[name]` in a getter compiled once per node is one property-load site for every context key
 * in the process: V8 keeps a load site's feedback per function literal, so once it has seen two
 * keys ("country", "plan") the site is megamorphic and every read goes through the global lookup
 * cache, about 6 ns instead of 1 (measured on this machine; R2 reads three keys). Without
 * `new Function` a key cannot get code of its own, but it can get a load site of its own: each
 * reader below is its own literal with its own feedback, and each key the process meets is given
 * the next free one, so the first READERS.length keys each stay on a site that only ever sees
 * that key. Later keys share sites and cost what every key cost before. Same read, same result:
 * only which copy of `ctx[key]` runs differs.
 *
 * Why 64. Once a process uses more keys than there are readers, a shared reader's site has seen
 * two keys and is megamorphic: the generic lookup above on every read (and for a number held as a
 * double, a heap number per read). With 16 readers, `age >= 18 and score < 0.5` took 3.3 ns, and
 * 9.7 to 13 ns once other features had read 15 or more further keys (about the same with whole
 * numbers, so the lookup, not the heap number, is most of it); with 64 it stays at 3.3 ns up to
 * 62 further keys (bench/measure/crowd.ts, 2026-12-04). A service seldom reads more keys than
 * that, and a reader is one line.
 */

/** Reads `ctx[key]`; every copy is the same function. */
export type ContextReader = (ctx: EvaluationContext, key: string) => unknown;

const READERS: readonly ContextReader[] = [
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
  (ctx, key) => ctx[key],
];

/** Which reader each key gets; bounded, since keys come from input. */
const readers = new CopyAssignment(READERS, 4096);

/** The reader for `key`, chosen at load; the same key always gets the same one. */
export function contextReader(key: string): ContextReader {
  return readers.for(key);
}
