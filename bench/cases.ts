/**
 * The benchmark's rules, inputs and plain reference (issue 10): every evaluator, this library's
 * and each peer's, must give the reference's answer on every input before it is timed.
 *
 * - R1, PyOF's seed: "holdout" if sessionRandom < 0.1 and hostname ~ /^len.+/, "control" if
 *   sessionRandom < 0.9 and hostname ~ /^len.+/, else "default"; both read from the context.
 * - R1-ambient: the same rule with no context (the machine's hostname, the process's session
 *   random); peers get the equivalent constant context.
 * - R2, a context rule: `country in [US, CA, GB] and plan == "pro" and appVersion >= 2.3.0` (semver).
 * - R3, a 10/90 split sticky on `userId`: "treatment" for 10% of ids, "control" for the rest.
 * - R4: 1,000 distinct R2-shaped features loaded from one JSON text, each evaluated once.
 *
 * Every rule answers a string: the bucket (or variation) name, which is also its value.
 */

/** A deterministic PRNG (mulberry32), so every process and every run sees the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const INPUT_COUNT = 10_000;

export type R1Input = {
  readonly hostname: string;
  readonly sessionRandom: number;
};
export type R2Input = {
  readonly country: string;
  readonly plan: string;
  readonly appVersion: string;
};
export type R3Input = {
  readonly userId: string;
};

/** Host names on both sides of /^len.+/ ("len" alone does not match: `.+` needs a character). */
const HOSTS = ["lenovo-7", "len", "thinkpad", "lenx", "web-1", "LENOVO", "len-2", "alen"] as const;
export const COUNTRIES = ["US", "CA", "GB", "FR", "DE", "JP"] as const;
export const PLANS = ["pro", "free", "team"] as const;
/** Release versions only: peers disagree on prerelease ordering, which is not what R2 measures. */
export const VERSIONS = ["2.3.0", "2.2.9", "2.10.0", "3.0.0", "1.9.9", "2.3.1", "10.0.0", "2.0.0"] as const;

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

export const r1Inputs: readonly R1Input[] = (() => {
  const r = prng(1);
  return Array.from({ length: INPUT_COUNT }, () => ({ hostname: pick(HOSTS, r), sessionRandom: r() }));
})();

export const r2Inputs: readonly R2Input[] = (() => {
  const r = prng(2);
  return Array.from({ length: INPUT_COUNT }, () => ({ country: pick(COUNTRIES, r), plan: pick(PLANS, r), appVersion: pick(VERSIONS, r) }));
})();

export const r3Inputs: readonly R3Input[] = Array.from({ length: INPUT_COUNT }, (_, i) => ({ userId: `user-${i}` }));

// ---- the plain reference: obvious code, no tricks ----

export function referenceR1(x: R1Input): string {
  const len = /^len.+/.test(x.hostname);
  if (x.sessionRandom < 0.1 && len) return "holdout";
  if (x.sessionRandom < 0.9 && len) return "control";
  return "default";
}

/** Plain semver compare of release versions ("2.10.0" > "2.3.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i]! !== pb[i]!) return pa[i]! < pb[i]! ? -1 : 1;
  return 0;
}

/** R2 and each R4 feature: which countries, which plan, which minimum version. */
export interface R2Spec {
  readonly key: string;
  readonly countries: readonly string[];
  readonly plan: string;
  readonly minVersion: string;
}

export const R2: R2Spec = { key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" };

export function referenceR2(x: R2Input, spec: R2Spec = R2): string {
  return spec.countries.includes(x.country) && x.plan === spec.plan && compareVersions(x.appVersion, spec.minVersion) >= 0 ? "match" : "default";
}

/**
 * R4's features: distinct keys, country sets, plans and minimum versions, all R2-shaped
 * (`feature_0000` … `feature_0999`).
 */
export function r4Specs(count: number): R2Spec[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `feature_${String(i).padStart(4, "0")}`,
    countries: [COUNTRIES[i % 6]!, COUNTRIES[(i + 1) % 6]!, COUNTRIES[(i + 3) % 6]!],
    plan: PLANS[i % 3]!,
    minVersion: `2.${i % 11}.${i % 7}`,
  }));
}

/** The one context R4 evaluates every feature with. */
export const R4_CONTEXT: R2Input = { country: "US", plan: "pro", appVersion: "2.5.3" };

/** The share of R3 ids that must get "treatment", and how far a peer's own hash may stray from it. */
export const R3_SHARE = 0.1;
export const R3_TOLERANCE = 0.015;

/** Plain murmur3 x86 32-bit over UTF-8 bytes (the library's and the floor's R3 hash). */
export function referenceMurmur3(text: string, seed = 0): number {
  const bytes = Buffer.from(text, "utf8");
  let h = seed >>> 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const rest = bytes.length % 4;
  if (rest === 3) k ^= bytes[blocks + 2]! << 16;
  if (rest >= 2) k ^= bytes[blocks + 1]! << 8;
  if (rest >= 1) {
    k ^= bytes[blocks]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** R3 for evaluators that hash like PyOF's `random.unit`: murmur3(salt + ":" + userId) / 2^32 < 0.1. */
export function referenceR3(x: R3Input, salt = "r3"): string {
  return referenceMurmur3(`${salt}:${x.userId}`) / 4294967296 < R3_SHARE ? "treatment" : "control";
}
