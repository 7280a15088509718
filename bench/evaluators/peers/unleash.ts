/**
 * Unleash: toggles as the Unleash API serves them (strategies with constraints, strategy variants,
 * flexibleRollout), bootstrapped from that JSON, no polling (refreshInterval 0), metrics off,
 * in-memory storage (no backup file).
 */
import { once } from "node:events";
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface Unleash {
  isEnabled(name: string, ctx?: object): boolean;
  getVariant(name: string, ctx?: object): { name: string; enabled: boolean };
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  destroy(): void;
}
interface UnleashModule {
  Unleash: new (config: object) => Unleash;
  InMemStorageProvider: new () => unknown;
}

const variant = (name: string) => [{ name, weight: 1000, weightType: "variable", stickiness: "default" }];
const len = { contextName: "hostname", operator: "REGEX", value: "^len.+" };
const below = (bound: number) => ({ contextName: "sessionRandom", operator: "NUM_LT", value: String(bound) });
const r2Toggle = (s: R2Spec) => ({
  name: s.key,
  enabled: true,
  strategies: [
    {
      name: "default",
      constraints: [
        { contextName: "country", operator: "IN", values: [...s.countries] },
        { contextName: "plan", operator: "IN", values: [s.plan] },
        { contextName: "appVersion", operator: "SEMVER_GTE", value: s.minVersion },
      ],
      parameters: {},
    },
  ],
});

async function start(m: UnleashModule, features: object[]): Promise<Unleash> {
  const client = new m.Unleash({
    appName: "bench",
    url: "http://127.0.0.1:9/unused",
    refreshInterval: 0,
    disableMetrics: true,
    skipInstanceCountWarning: true,
    storageProvider: new m.InMemStorageProvider(),
    bootstrap: { data: features },
  });
  client.on("error", () => undefined);
  await once(client as unknown as NodeJS.EventEmitter, "ready");
  return client;
}

export const unleash: Evaluator = {
  name: "Unleash",
  packageName: "unleash-client",
  async setup() {
    const m = requirePeer<UnleashModule>("unleash-client");
    const client = await start(m, [
      {
        name: "r1",
        enabled: true,
        strategies: [
          { name: "default", constraints: [below(0.1), len], parameters: {}, variants: variant("holdout") },
          { name: "default", constraints: [below(0.9), len], parameters: {}, variants: variant("control") },
        ],
      },
      r2Toggle({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
      { name: "r3", enabled: true, strategies: [{ name: "flexibleRollout", constraints: [], parameters: { rollout: "10", stickiness: "userId", groupId: "r3" } }] },
    ]);
    const { ambientInput } = await import("../library");
    const ambientCtx = ambientInput();
    const r1 = (x: object) => {
      const v = client.getVariant("r1", x);
      return v.enabled ? v.name : "default";
    };
    let loaded: Unleash | undefined;
    return {
      ownHash: true,
      r1,
      ambient: () => r1(ambientCtx),
      r2: (x) => (client.isEnabled("r2", x) ? "match" : "default"),
      r3: (x) => (client.isEnabled("r3", x) ? "treatment" : "control"),
      r4Source: (specs) => JSON.stringify({ version: 2, features: specs.map(r2Toggle) }),
      async r4Load(text, specs, ctx) {
        loaded = await start(m, (JSON.parse(text) as { features: object[] }).features);
        const l = loaded;
        return specs.map((s) => (l.isEnabled(s.key, ctx) ? "match" : "default"));
      },
      r4Release: () => loaded?.destroy(),
      close: () => client.destroy(),
    };
  },
};
