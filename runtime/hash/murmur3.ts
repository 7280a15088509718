/**
 * MurmurHash3 x86 32-bit, computed over the UTF-8 encoding of a string.
 *
 * Percentage rollouts must be sticky: a unit (user id, device id, ...) that is in the
 * rollout in one process must be in it in every process, on every machine and in every
 * SDK language, or users flip between variants. So buckets come from hashing
 * `salt + ":" + unit` with a fixed, portable algorithm over UTF-8 bytes rather than
 * anything engine- or platform-specific.
 *
 * This runs once per flag evaluation, so the UTF-8 bytes are produced inline from
 * `charCodeAt` and mixed as they are produced: no Buffer, TextEncoder or array per call.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** UTF-8 of U+FFFD packed little-endian; TextEncoder and Buffer emit it for lone surrogates. */
const REPLACEMENT_BYTES = 0xef | (0xbf << 8) | (0xbd << 16);

/**
 * The hash state after some text: what a rollout salt's `salt + ":"` leaves, computed once at
 * load so that each evaluation hashes only the unit and never builds `salt + ":" + unit`.
 */
export interface Murmur3Prefix {
  readonly h1: number;
  /** Bytes of the current 4-byte block not mixed yet, little-endian, and how many bits of it are filled. */
  readonly k1: number;
  readonly filled: number;
  readonly byteLength: number;
}

/**
 * MurmurHash3 x86 32-bit of the UTF-8 bytes of `input`.
 *
 * Matches the reference C `MurmurHash3_x86_32` over the same bytes, so bucketing is
 * identical across processes, machines and SDKs. Lone surrogates are
 * encoded as U+FFFD, exactly as `TextEncoder` / `Buffer.from(s, "utf8")` do.
 *
 * @param input string to hash; its UTF-8 encoding is what gets hashed
 * @param seed 32-bit seed (default 0); values are taken modulo 2^32
 * @returns unsigned 32-bit integer in [0, 2^32)
 */
export function murmur3x86_32(input: string, seed = 0): number {
  absorb(seed | 0, 0, 0, 0, input);
  return HASH[0]!;
}

/**
 * The state after hashing `prefix`'s UTF-8 bytes with `seed`, for {@link murmur3Continue}. Runs
 * once, at load, so it takes the plain route (TextEncoder's bytes). `prefix` must not end inside
 * a surrogate pair: a rollout prefix ends with ":".
 */
export function murmur3Prefix(prefix: string, seed = 0): Murmur3Prefix {
  const bytes = new TextEncoder().encode(prefix);
  let h1 = seed | 0;
  let k1 = 0;
  let filled = 0;
  for (const byte of bytes) {
    k1 |= byte << filled;
    filled += 8;
    if (filled === 32) {
      h1 = mixBlock(h1, k1);
      k1 = 0;
      filled = 0;
    }
  }
  return Object.freeze({ h1, k1, filled, byteLength: bytes.length });
}

/** `murmur3x86_32(prefixText + input, seed)`, given `murmur3Prefix(prefixText, seed)`: no concatenation. */
export function murmur3Continue(prefix: Murmur3Prefix, input: string): number {
  absorb(prefix.h1, prefix.k1, prefix.filled, prefix.byteLength, input);
  return HASH[0]!;
}

/**
 * Where {@link absorb} leaves the hash. The loop is too big for V8 to inline, and a uint32 at or
 * above 2^30 returned from a call that is not inlined is boxed (a heap number per evaluation);
 * read from a typed array by the small wrappers above, which V8 inlines, it is not.
 */
const HASH = new Uint32Array(1);

/** One 4-byte block mixed into the hash (the reference's loop body). */
function mixBlock(h1: number, k1: number): number {
  k1 = Math.imul(k1, C1);
  k1 = (k1 << 15) | (k1 >>> 17);
  k1 = Math.imul(k1, C2);
  h1 ^= k1;
  h1 = (h1 << 13) | (h1 >>> 19);
  return (Math.imul(h1, 5) + 0xe6546b64) | 0;
}

/**
 * Hashes `input` on from the given state (the pending bytes `k1`, `filled` bits of them) and
 * finalizes into {@link HASH}. The block mixing is written out here rather than called: this is
 * the hot loop.
 */
function absorb(h1: number, k1: number, filled: number, byteLength: number, input: string): void {
  const n = input.length;
  let i = 0;
  while (i < n) {
    if (filled === 0) {
      // On a block boundary, four ASCII characters are one block: the common case (ids, salts).
      while (i + 4 <= n) {
        const c0 = input.charCodeAt(i);
        const c1 = input.charCodeAt(i + 1);
        const c2 = input.charCodeAt(i + 2);
        const c3 = input.charCodeAt(i + 3);
        if ((c0 | c1 | c2 | c3) >= 0x80) break;
        let k = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, C2);
        h1 ^= k;
        h1 = (h1 << 13) | (h1 >>> 19);
        h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
        i += 4;
        byteLength += 4;
      }
      if (i >= n) break;
    }
    const c = input.charCodeAt(i++);
    // The code point's UTF-8 bytes, packed little-endian so the first byte is lowest.
    let bytes: number;
    let count: number;
    if (c < 0x80) {
      bytes = c;
      count = 1;
    } else if (c < 0x800) {
      bytes = (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8);
      count = 2;
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes = (0xe0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
      count = 3;
    } else {
      const next = i < n ? input.charCodeAt(i) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        bytes =
          (0xf0 | (cp >> 18)) |
          ((0x80 | ((cp >> 12) & 0x3f)) << 8) |
          ((0x80 | ((cp >> 6) & 0x3f)) << 16) |
          ((0x80 | (cp & 0x3f)) << 24);
        count = 4;
        i++;
      } else {
        bytes = REPLACEMENT_BYTES;
        count = 3;
      }
    }

    byteLength += count;
    for (let j = 0; j < count; j++) {
      k1 |= (bytes & 0xff) << filled;
      bytes >>>= 8;
      filled += 8;
      if (filled === 32) {
        k1 = Math.imul(k1, C1);
        k1 = (k1 << 15) | (k1 >>> 17);
        k1 = Math.imul(k1, C2);
        h1 ^= k1;
        h1 = (h1 << 13) | (h1 >>> 19);
        h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
        k1 = 0;
        filled = 0;
      }
    }
  }

  // Tail (1..3 leftover bytes): mixed into h1 without the block rotation, as in the reference.
  if (filled !== 0) {
    k1 = Math.imul(k1, C1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, C2);
    h1 ^= k1;
  }

  h1 ^= byteLength;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  HASH[0] = h1;
}

/**
 * Maps `input` to a number in [0, 1) for percentage rollouts.
 *
 * Hash `salt + ":" + unit` and compare against the rollout fraction: the same unit
 * lands in the same bucket in every process and on every machine (sticky rollouts),
 * while different salts give independent bucketings per flag.
 *
 * @param input typically `salt + ":" + unit`
 * @returns `murmur3x86_32(input, 0) / 2**32`, in [0, 1)
 */
export function unitInterval(input: string): number {
  return murmur3x86_32(input, 0) / 4294967296;
}

/** `unitInterval(prefixText + input)`, given `murmur3Prefix(prefixText)`: the rollout number without building the string. */
export function unitIntervalAfter(prefix: Murmur3Prefix, input: string): number {
  return murmur3Continue(prefix, input) / 4294967296;
}
