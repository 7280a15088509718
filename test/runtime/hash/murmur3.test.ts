import fc from "fast-check";
import { murmur3x86_32, unitInterval } from "../../../runtime/hash";
import vectors from "../../fixtures/murmur3-vectors.json";

/**
 * Straightforward byte-array MurmurHash3_x86_32, kept deliberately naive so it can serve
 * as an oracle for the streaming, inline-UTF-8 implementation under test.
 */
function referenceMurmur3(bytes: Uint8Array, seed: number): number {
  const mix = (k: number): number => {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, 0x1b873593);
  };
  let h = seed | 0;
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) {
    h ^= mix(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let tail = 0;
  for (let i = bytes.length - 1; i >= blocks; i--) tail = (tail << 8) | bytes[i]!;
  if (bytes.length > blocks) h ^= mix(tail);
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const isUint32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** Arbitrary UTF-16 code units, biased towards surrogates so lone/reversed halves are common. */
const codeUnit = fc
  .oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff }))
  .map((c) => String.fromCharCode(c));

const anyString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: codeUnit }),
);

const seed32 = fc.integer({ min: 0, max: 0xffffffff });

describe("murmur3x86_32", () => {
  it.each(vectors)("hashes $input (seed $seed) to $hash", ({ input, seed, hash }) => {
    expect(murmur3x86_32(input, seed)).toBe(hash);
  });

  it("defaults the seed to 0", () => {
    expect(murmur3x86_32("hello")).toBe(0x248bfa47);
    expect(murmur3x86_32("")).toBe(0);
  });

  it("treats seeds modulo 2^32", () => {
    expect(murmur3x86_32("", -1)).toBe(murmur3x86_32("", 0xffffffff));
    expect(murmur3x86_32("hello", 2 ** 32 + 1)).toBe(murmur3x86_32("hello", 1));
  });

  it("reference oracle reproduces SMHasher's x86_32 verification value 0xB0F57EE3", () => {
    const key = new Uint8Array(256);
    const hashes = new Uint8Array(1024);
    const view = new DataView(hashes.buffer);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      view.setUint32(i * 4, referenceMurmur3(key.subarray(0, i), 256 - i), true);
    }
    expect(referenceMurmur3(hashes, 0)).toBe(0xb0f57ee3);
  });

  it("returns unsigned 32-bit integers", () => {
    fc.assert(
      fc.property(anyString, seed32, (s, seed) => isUint32(murmur3x86_32(s, seed))),
      { seed: 42 },
    );
  });

  it("agrees with hashing Buffer.from(s, 'utf8') bytes, lone surrogates included", () => {
    fc.assert(
      fc.property(anyString, seed32, (s, seed) => {
        expect(murmur3x86_32(s, seed)).toBe(referenceMurmur3(Buffer.from(s, "utf8"), seed));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe("unitInterval", () => {
  it.each(vectors.filter((v) => v.seed === 0))("maps $input to hash / 2^32", ({ input, hash }) => {
    expect(unitInterval(input)).toBe(hash / 2 ** 32);
  });

  it("stays within [0, 1)", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const u = unitInterval(s);
        return u >= 0 && u < 1;
      }),
      { seed: 42 },
    );
  });
});
