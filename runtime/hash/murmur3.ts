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
  let h1 = seed | 0;
  // Pending bytes of the current 4-byte block, little-endian, and how many bits are filled.
  let k1 = 0;
  let filled = 0;
  let byteLength = 0;
  const n = input.length;

  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
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
      const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
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
  return h1 >>> 0;
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
