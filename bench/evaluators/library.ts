/**
 * This library, as an application uses it: a bundle (its native JSON) loaded through
 * `FeatureStore.fromBundle`, features evaluated through `evaluate`; R5 through the getters that
 * `offline-features gen` wrote into bench/generated from bench/features.
 */
import { hostname } from "node:os";
import * as E from "fp-ts/Either";
import { c, ctx as context, eq, feature, ge, oneOf, type VersionLiteral } from "../../dsl";
import { FeatureStore, encodeBundle, type FeatureModel, type OfflineFeature } from "../../runtime";
import { processSessionRandom } from "../../runtime/compile/ambient";
import type { R2Spec } from "../cases";
import { r1 } from "../features/r1";
import { r2 } from "../features/r2";
import { r3 } from "../features/r3";
import type { Evaluator } from "./types";

/** The bundle text `gen` would write for these models. */
export function bundleText(models: Readonly<Record<string, FeatureModel>>): string {
  return JSON.stringify(encodeBundle(models));
}

function r2Shaped(spec: R2Spec): FeatureModel {
  return feature(spec.key)
    .bucket("match", c.all(oneOf(context.string("country"), spec.countries), eq(context.string("plan"), spec.plan), ge(context.version("appVersion"), spec.minVersion as VersionLiteral)), "match")
    .default("default").model;
}

/** Loads a bundle text into a store, throwing on a Left (a benchmark must not time a failure). */
export function load(text: string): FeatureStore {
  const store = FeatureStore.fromBundle(text, "bench");
  if (E.isLeft(store)) throw store.left;
  return store.right;
}

function mustResolve(store: FeatureStore, key: string): OfflineFeature {
  const found = store.resolve(key);
  if (found === undefined) throw new Error(`bench: the store lacks ${key}`);
  return found;
}

export const library: Evaluator = {
  name: "offline-features",
  async setup() {
    const store = load(bundleText({ r1: r1.model, r2: r2.model, r3: r3.model }));
    const f1 = mustResolve(store, "r1");
    const f2 = mustResolve(store, "r2");
    const f3 = mustResolve(store, "r3");
    // The generated getters (R5) load bench/generated/features.json into their own store.
    const { getR1 } = await import("../generated");
    // What R4 loaded stays reachable until released (the heap measure counts it).
    const held: { loaded: FeatureStore | undefined } = { loaded: undefined };
    return {
      r1: (x) => f1.evaluate(x).value as string,
      ambient: () => f1.evaluate().value as string,
      r2: (x) => f2.evaluate(x).value as string,
      r3: (x) => f3.evaluate(x).value as string,
      r5: (x) => getR1(x),
      r4Source: (specs) => bundleText(Object.fromEntries(specs.map((s) => [s.key, r2Shaped(s)]))),
      r4Load(text, specs, ctx) {
        const l = load(text);
        held.loaded = l;
        return specs.map((s) => mustResolve(l, s.key).evaluate(ctx).value as string);
      },
      r4Release: () => {
        held.loaded = undefined;
      },
    };
  },
};

/** R1-ambient's reference inputs for this process: the machine's hostname and this process's session random. */
export function ambientInput(): { hostname: string; sessionRandom: number } {
  return { hostname: hostname(), sessionRandom: processSessionRandom() };
}
