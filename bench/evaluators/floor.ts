/**
 * The floor: what a person would write by hand for exactly these rules. A precompiled RegExp, a
 * Set, a semver parse that allocates nothing, murmur3 over the id's characters (ASCII ids, as R3's
 * are), and prebuilt answers. Nothing generic; the library's target is a small multiple of this.
 */
import type { R2Input, R2Spec } from "../cases";
import type { Evaluator } from "./types";

const LEN = /^len.+/;

/** Packs a release version "a.b.c" into one comparable number, or -1 when it is not one. No allocation. */
export function packedVersion(v: string): number {
  let part = 0;
  let value = 0;
  let packed = 0;
  let digits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part === 2) return -1;
      packed = packed * 1_000_000 + value;
      part++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (value >= 1_000_000) return -1;
    } else return -1;
  }
  if (part !== 2 || digits === 0) return -1;
  return packed * 1_000_000 + value;
}

/** murmur3 x86 32-bit of an ASCII string, seed 0, straight from its character codes. */
export function murmur3Ascii(s: string): number {
  let h = 0;
  const n = s.length;
  const blocks = n & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 8) | (s.charCodeAt(i + 2) << 16) | (s.charCodeAt(i + 3) << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = n & 3;
  if (rest !== 0) {
    let k = s.charCodeAt(blocks);
    if (rest > 1) k ^= s.charCodeAt(blocks + 1) << 8;
    if (rest > 2) k ^= s.charCodeAt(blocks + 2) << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function r2Closure(spec: R2Spec): (x: R2Input) => string {
  const countries = new Set(spec.countries);
  const plan = spec.plan;
  const min = packedVersion(spec.minVersion);
  return (x) => (countries.has(x.country) && x.plan === plan && packedVersion(x.appVersion) >= min ? "match" : "default");
}

const TREATMENT_BELOW = 0.1 * 4294967296;

export const floor: Evaluator = {
  name: "hand-written floor",
  async setup() {
    const r1 = (x: { hostname: string; sessionRandom: number }) => {
      const r = x.sessionRandom;
      if (r < 0.1 && LEN.test(x.hostname)) return "holdout";
      if (r < 0.9 && LEN.test(x.hostname)) return "control";
      return "default";
    };
    // Process-constant inputs: answered once, as a hand-written memo would.
    const { ambientInput } = await import("./library");
    const ambientAnswer = r1(ambientInput());
    // What R4 loaded stays reachable until released (the heap measure counts it).
    const held: { loaded: unknown } = { loaded: undefined };
    return {
      r1,
      ambient: () => ambientAnswer,
      r2: r2Closure({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
      r3: (x) => (murmur3Ascii("r3:" + x.userId) < TREATMENT_BELOW ? "treatment" : "control"),
      r4Source: (specs) => JSON.stringify(specs),
      r4Load(text, _specs, ctx) {
        const closures = (JSON.parse(text) as R2Spec[]).map(r2Closure);
        held.loaded = closures;
        const out: string[] = [];
        for (const closure of closures) out.push(closure(ctx));
        return out;
      },
      r4Release: () => {
        held.loaded = undefined;
      },
    };
  },
};
