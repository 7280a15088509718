/** Featurevisor: a datafile v2 (segments with conditions, traffic with forced variations or allocations), getVariation. */
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface Instance {
  getVariation(key: string, ctx: object): unknown;
  close(): void;
}
type CreateInstance = (options: { datafile: object | string; logLevel?: string }) => Instance;

const FULL = 100_000;
const seg = (conditions: object[]) => ({ conditions });
const variations = (...names: string[]) => names.map((value) => ({ value }));
const r2Segment = (s: R2Spec) =>
  seg([
    { attribute: "country", operator: "in", value: [...s.countries] },
    { attribute: "plan", operator: "equals", value: s.plan },
    { attribute: "appVersion", operator: "semverGreaterThanOrEquals", value: s.minVersion },
  ]);
const r2Feature = (s: R2Spec) => ({
  bucketBy: "appVersion",
  variations: variations("match", "default"),
  traffic: [
    { key: "match", segments: s.key, percentage: FULL, variation: "match" },
    { key: "everyone", segments: "*", percentage: FULL, variation: "default" },
  ],
});

export const featurevisor: Evaluator = {
  name: "Featurevisor",
  packageName: "@featurevisor/sdk",
  async setup() {
    const { createInstance } = requirePeer<{ createInstance: CreateInstance }>("@featurevisor/sdk");
    const len = [{ attribute: "hostname", operator: "matches", value: "^len.+" }];
    const datafile = {
      schemaVersion: "2",
      revision: "1",
      segments: {
        holdout: seg([{ attribute: "sessionRandom", operator: "lessThan", value: 0.1 }, ...len]),
        control: seg([{ attribute: "sessionRandom", operator: "lessThan", value: 0.9 }, ...len]),
        r2: r2Segment({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
      },
      features: {
        r1: {
          bucketBy: "hostname",
          variations: variations("holdout", "control", "default"),
          traffic: [
            { key: "holdout", segments: "holdout", percentage: FULL, variation: "holdout" },
            { key: "control", segments: "control", percentage: FULL, variation: "control" },
            { key: "everyone", segments: "*", percentage: FULL, variation: "default" },
          ],
        },
        r2: r2Feature({ key: "r2", countries: [], plan: "", minVersion: "" }),
        r3: {
          bucketBy: "userId",
          variations: variations("treatment", "control"),
          traffic: [
            {
              key: "everyone",
              segments: "*",
              percentage: FULL,
              allocation: [
                { variation: "treatment", range: [0, 10_000] },
                { variation: "control", range: [10_000, FULL] },
              ],
            },
          ],
        },
      },
    };
    const f = createInstance({ datafile, logLevel: "fatal" });
    const { ambientInput } = await import("../library");
    const ambientCtx = ambientInput();
    let loaded: Instance | undefined;
    return {
      ownHash: true,
      r1: (x) => f.getVariation("r1", x) as string,
      ambient: () => f.getVariation("r1", ambientCtx) as string,
      r2: (x) => f.getVariation("r2", x) as string,
      r3: (x) => f.getVariation("r3", x) as string,
      r4Source: (specs) =>
        JSON.stringify({
          schemaVersion: "2",
          revision: "1",
          segments: Object.fromEntries(specs.map((s) => [s.key, r2Segment(s)])),
          features: Object.fromEntries(specs.map((s) => [s.key, r2Feature(s)])),
        }),
      r4Load(text, specs, ctx) {
        const l = createInstance({ datafile: text, logLevel: "fatal" });
        loaded = l;
        return specs.map((s) => l.getVariation(s.key, ctx) as string);
      },
      r4Release: () => loaded?.close(),
      close: () => f.close(),
    };
  },
};
