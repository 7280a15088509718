import type * as t from "io-ts";

/*
 * Codecs that validate a value as is: `validate` succeeds exactly when `is` holds, and then gives
 * back its input itself (a refined string, a scalar, a JSON value). The decoder's fast path
 * (./unchanged.ts) asks such a codec with `is`, which builds no io-ts result, instead of
 * `validate`. A codec registers itself where it is defined; the fast path's differential test
 * (test/runtime/decode/unchanged.test.ts) holds every answer to io-ts's own.
 */

const asIs = new WeakSet<t.Mixed>();

/** Records that `codec` validates as is (see above), and returns it. */
export function validatesAsIs<C extends t.Mixed>(codec: C): C {
  asIs.add(codec);
  return codec;
}

/** True when `codec` was recorded by {@link validatesAsIs}. */
export function isAsIs(codec: t.Mixed): boolean {
  return asIs.has(codec);
}
