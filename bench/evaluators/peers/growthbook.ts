/** GrowthBook: a features payload (Mongo-style conditions, $regex, $vgte; an experiment rule for R3), GrowthBookClient.evalFeature. */
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface GrowthBookClient {
  initSync(options: { payload: { features: object } }): GrowthBookClient;
  evalFeature(key: string, user: { attributes: object }): { value: unknown };
  destroy(): void;
}
type ClientClass = new (options?: object) => GrowthBookClient;

const r2Feature = (s: R2Spec) => ({ defaultValue: "default", rules: [{ condition: { country: { $in: s.countries }, plan: s.plan, appVersion: { $vgte: s.minVersion } }, force: "match" }] });

export const growthbook: Evaluator = {
  name: "GrowthBook",
  packageName: "@growthbook/growthbook",
  async setup() {
    const { GrowthBookClient } = requirePeer<{ GrowthBookClient: ClientClass }>("@growthbook/growthbook");
    const options = { trackingCallback: () => undefined };
    const client = new GrowthBookClient(options).initSync({
      payload: {
        features: {
          r1: {
            defaultValue: "default",
            rules: [
              { condition: { sessionRandom: { $lt: 0.1 }, hostname: { $regex: "^len.+" } }, force: "holdout" },
              { condition: { sessionRandom: { $lt: 0.9 }, hostname: { $regex: "^len.+" } }, force: "control" },
            ],
          },
          r2: r2Feature({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
          r3: { defaultValue: "control", rules: [{ key: "r3", variations: ["treatment", "control"], weights: [0.1, 0.9], hashAttribute: "userId", coverage: 1 }] },
        },
      },
    });
    const { ambientInput } = await import("../library");
    const ambient = { attributes: ambientInput() };
    let loaded: GrowthBookClient | undefined;
    return {
      ownHash: true,
      r1: (x) => client.evalFeature("r1", { attributes: x }).value as string,
      ambient: () => client.evalFeature("r1", ambient).value as string,
      r2: (x) => client.evalFeature("r2", { attributes: x }).value as string,
      r3: (x) => client.evalFeature("r3", { attributes: x }).value as string,
      r4Source: (specs) => JSON.stringify({ features: Object.fromEntries(specs.map((s) => [s.key, r2Feature(s)])) }),
      r4Load(text, specs, ctx) {
        const l = new GrowthBookClient(options).initSync({ payload: JSON.parse(text) as { features: object } });
        loaded = l;
        const user = { attributes: ctx };
        return specs.map((s) => l.evalFeature(s.key, user).value as string);
      },
      r4Release: () => loaded?.destroy(),
      close: () => client.destroy(),
    };
  },
};
