/**
 * Evaluation cost against a hand-written closure doing the same work, side by side in one
 * process, reported as ratios (machines are noisy; ratios much less so).
 *
 *   npx ts-node --transpile-only bench/evaluate/run.ts
 */
import { performance } from "node:perf_hooks";
import { c, ctx, feature, hostname, lt, regex, sessionRandom } from "../../dsl";
import { test as seed } from "../../features/test";

type Case = { name: string; library: (i: number) => unknown; handWritten: (i: number) => unknown };

const contexts = Array.from({ length: 1024 }, (_, i) => ({
  hostname: i % 3 === 0 ? "lenovo-7" : "thinkpad",
  sessionRandom: (i % 100) / 100,
  country: ["FR", "DE", "US", "GB"][i % 4]!,
  age: i % 90,
}));

const targeted = feature("targeted")
  .bucket("fr_adults", c.all(ctx.string("country").eq("FR"), ctx.number("age").ge(18)), "fr")
  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), "holdout")
  .default("none");

const lenPattern = /^len.+/u;
const handTargeted = (x: (typeof contexts)[number]) => {
  if (x.country === "FR" && x.age >= 18) return { value: "fr", bucket: "fr_adults" };
  if (x.sessionRandom < 0.1 && lenPattern.test(x.hostname)) return { value: "holdout", bucket: "holdout" };
  return { value: "none", bucket: "default" };
};
const handSeed = (x: (typeof contexts)[number]) => {
  if (x.sessionRandom < 0.1 && lenPattern.test(x.hostname)) return { value: true, bucket: "holdout" };
  if (x.sessionRandom < 0.9 && lenPattern.test(x.hostname)) return { value: 42, bucket: "control" };
  return { value: false, bucket: "default" };
};

const cases: Case[] = [
  { name: "seed, no context (memoized)", library: () => seed.evaluate(), handWritten: () => handSeed(contexts[0]!) },
  { name: "seed, per-call overrides", library: (i) => seed.evaluate(contexts[i & 1023]!), handWritten: (i) => handSeed(contexts[i & 1023]!) },
  { name: "request targeting", library: (i) => targeted.evaluate(contexts[i & 1023]!), handWritten: (i) => handTargeted(contexts[i & 1023]!) },
];

function nsPerOp(fn: (i: number) => unknown, iterations: number): number {
  let sink = 0;
  for (let i = 0; i < 100_000; i++) if (fn(i) !== undefined) sink++;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) if (fn(i) !== undefined) sink++;
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink);
  return (elapsed * 1e6) / iterations;
}

const iterations = Number(process.env.ITERATIONS ?? 2_000_000);
console.log(`node ${process.version}, ${iterations} iterations per case, best of 5`);
for (const { name, library, handWritten } of cases) {
  const lib = Math.min(...Array.from({ length: 5 }, () => nsPerOp(library, iterations)));
  const hand = Math.min(...Array.from({ length: 5 }, () => nsPerOp(handWritten, iterations)));
  console.log(`${name.padEnd(30)} library ${lib.toFixed(1).padStart(6)} ns/op   hand-written ${hand.toFixed(1).padStart(6)} ns/op   ratio ${(lib / hand).toFixed(2)}x`);
}
