import fc from "fast-check";
import { x86 } from "murmurhash3js-revisited";
import { murmur3Continue, murmur3Prefix, murmur3x86_32, unitInterval, unitIntervalAfter } from "../../../runtime/hash";
import { fuzzOptions } from "../../support/fuzz";

/*
 * Differential test against a well-kept MurmurHash3 package (murmurhash3js-revisited, a port that
 * matches the reference C++ MurmurHash3_x86_32 over a byte array). The runtime's variant is the
 * same function, x86 32-bit, over the UTF-8 bytes of its input, with rollouts using seed 0; it
 * differs only in how it gets there: it encodes UTF-8 inline from `charCodeAt` and mixes bytes as
 * they are produced, so an evaluation allocates nothing. No output differs: on ASCII input the
 * bytes are the character codes; beyond ASCII (and for lone surrogates, which both sides encode
 * as U+FFFD, as Buffer does) the reference is given Buffer's UTF-8 bytes.
 */

const SEED = 20261202;
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 64 });
const seed = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffffffff }));

describe("murmur3x86_32 against murmurhash3js-revisited", () => {
  it("agrees on ASCII input, every length and seed", () => {
    fc.assert(
      fc.property(ascii, seed, (input, s) => {
        expect(murmur3x86_32(input, s)).toBe(x86.hash32(bytesOf(input), s));
      }),
      fuzzOptions(500, SEED),
    );
  });

  it("agrees on any string, hashed as its UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 24 }), fc.string({ unit: "grapheme", maxLength: 8 }), seed, (a, b, s) => {
        const input = a + b;
        expect(murmur3x86_32(input, s)).toBe(x86.hash32(bytesOf(input), s));
      }),
      fuzzOptions(300, SEED),
    );
  });

  it.each(["\ud800", "a\udc00b", "\udbff\udbff", "😀\ud83d"])("agrees on lone surrogates (%j), encoded as U+FFFD", (input) => {
    expect(murmur3x86_32(input)).toBe(x86.hash32(bytesOf(input), 0));
  });

  it("agrees on rollout inputs: salt + \":\" + unit, seed 0, as a share of 2^32", () => {
    fc.assert(
      fc.property(ascii, fc.oneof(ascii, fc.integer().map(String)), (salt, unit) => {
        const input = `${salt}:${unit}`;
        expect(unitInterval(input)).toBe(x86.hash32(bytesOf(input), 0) / 2 ** 32);
      }),
      fuzzOptions(500, SEED),
    );
  });

  it("agrees when a prefix is hashed once and each input continues from it (rollouts pre-hash salt + \":\")", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), seed, (salt, unit, s) => {
        const prefix = murmur3Prefix(`${salt}:`, s);
        expect(murmur3Continue(prefix, unit)).toBe(x86.hash32(bytesOf(`${salt}:${unit}`), s));
        if (s === 0) expect(unitIntervalAfter(prefix, unit)).toBe(unitInterval(`${salt}:${unit}`));
      }),
      fuzzOptions(500, SEED),
    );
  });
});
