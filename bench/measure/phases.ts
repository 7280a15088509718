/**
 * Where this library's cold load goes (issue 10 asks): R4's 1,000 features from one bundle text,
 * each phase of `FeatureStore.fromBundle` timed on its own, median of `repeats` rounds in one
 * process. The phases re-do what fromBundle does, through the same functions, so their sum is
 * close to (not exactly) the total.
 *
 *   npx ts-node --transpile-only bench/measure/phases.ts [count]
 */
import { performance } from "node:perf_hooks";
import * as E from "fp-ts/Either";
import { R4_CONTEXT, r4Specs } from "../cases";
import { library } from "../evaluators/library";
import { FeatureStore, OfflineFeature, bundleHash, findCycle, type DecodedFeature } from "../../runtime";
import { compileFeature } from "../../runtime/compile/feature";
import { decodeCheckedFeature } from "../../runtime/decode/decode";
import { DEFAULT_LIMITS, documentSizeProblem } from "../../runtime/decode/limits";
import { BUNDLE_ENVELOPE_LEVELS } from "../../runtime/store/bundle";
import { featuresTextMatches } from "../../runtime/store/text-hash";
import { median } from "./child";

export interface PhasesResult {
  readonly count: number;
  /** Median ms per phase, in pipeline order; "total" is FeatureStore.fromBundle itself. */
  readonly phases: Readonly<Record<string, number>>;
}

export async function measurePhases(count: number, repeats: number): Promise<PhasesResult> {
  const rules = await library.setup();
  const specs = r4Specs(count);
  const text = rules.r4Source(specs);
  const samples: Record<string, number[]> = {};
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = <T>(phase: string, f: () => T): T => {
    const start = performance.now();
    const out = f();
    (samples[phase] ??= []).push(performance.now() - start);
    return out;
  };
  for (let round = 0; round < repeats; round++) {
    gc?.();
    const parsed = time("JSON.parse", () => JSON.parse(text) as { hash: string; features: Record<string, unknown> });
    time("limits walk (documentSizeProblem: a parsed value passed in; fromBundle counts text in the decode walk)", () => documentSizeProblem(parsed, DEFAULT_LIMITS, BUNDLE_ENVELOPE_LEVELS));
    const models = time("decode each feature within the limits (the fast path counting depth and values, as fromBundle does for text)", () => {
      const out: Record<string, DecodedFeature> = {};
      const entries = Object.entries(parsed.features);
      // What fromBundle's envelope leaves the features (runtime/store/bundle.ts, envelopeBounds), near enough: the limit less one value per feature.
      const bounds = { level: BUNDLE_ENVELOPE_LEVELS, maxLevel: DEFAULT_LIMITS.depth + BUNDLE_ENVELOPE_LEVELS, budget: DEFAULT_LIMITS.values - 1 - entries.length, tooBig: false };
      for (const [key, raw] of entries) {
        const d = decodeCheckedFeature(raw, DEFAULT_LIMITS, undefined, true, bounds);
        if (E.isLeft(d)) throw d.left;
        out[key] = d.right;
      }
      return out;
    });
    time("hash: sha256 of the features text as written (what fromBundle does for compact text)", () => featuresTextMatches(text, parsed.hash, undefined));
    time("hash: canonical encode + stringify + sha256 (bundleHash; a parsed value or another layout)", () => bundleHash(models));
    time("cycle check (findCycle)", () => findCycle(new Map(Object.entries(models))));
    time("compile each feature (compileFeature)", () => Object.entries(models).map(([key, m]) => compileFeature(m, { featureKey: key })));
    time("OfflineFeature.fromCheckedModel each (what the store does; it compiles on first evaluation)", () => Object.entries(models).map(([key, m]) => OfflineFeature.fromCheckedModel(m, { key })));
    gc?.();
    const store = time("total: FeatureStore.fromBundle", () => FeatureStore.fromBundle(text));
    if (E.isLeft(store)) throw store.left;
    time("evaluate each once (the first evaluation compiles)", () => specs.map((s) => store.right.resolve(s.key)!.evaluate(R4_CONTEXT)));
  }
  return { count, phases: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) };
}

if (require.main === module) {
  measurePhases(Number(process.argv[2] ?? 1000), 9).then((r) => {
    console.log(JSON.stringify(r));
    process.exit(0);
  }, (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
