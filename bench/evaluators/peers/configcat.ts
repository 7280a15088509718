/**
 * ConfigCat: its config JSON (v6: settings with targeting rules and percentage options), served
 * by a custom cache to a client in offline mode (no HTTP), evaluated synchronously through a
 * snapshot of the client. ConfigCat has no regex, so R1's /^len.+/ is "starts with len" and "is
 * not len".
 */
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface Snapshot {
  getValue(key: string, defaultValue: string, user?: object): string;
}
interface Client {
  waitForReady(): Promise<unknown>;
  snapshot(): Snapshot;
  dispose(): void;
}
interface ConfigCatModule {
  getClient(sdkKey: string, mode: number, options: object): Client;
  PollingMode: { ManualPoll: number };
  createConsoleLogger(level: number): unknown;
  LogLevel: { Off: number };
}

const STRING = 1;
const C = { TextIsOneOf: 0, SemVerGreaterOrEquals: 9, NumberLess: 12, TextEquals: 28, TextNotEquals: 29, TextStartsWithAnyOf: 30 } as const;
const served = (s: string) => ({ v: { s }, i: s });
const len = [{ u: { a: "hostname", c: C.TextStartsWithAnyOf, l: ["len"] } }, { u: { a: "hostname", c: C.TextNotEquals, s: "len" } }];
const r2Setting = (s: R2Spec) => ({
  t: STRING,
  ...served("default"),
  r: [
    {
      c: [{ u: { a: "country", c: C.TextIsOneOf, l: [...s.countries] } }, { u: { a: "plan", c: C.TextEquals, s: s.plan } }, { u: { a: "appVersion", c: C.SemVerGreaterOrEquals, s: s.minVersion } }],
      s: served("match"),
    },
  ],
});
const config = (settings: Record<string, object>) => ({ p: { u: "https://cdn-global.configcat.com", r: 0, s: "bench-salt" }, f: settings });

let clients = 0;
/** A distinct, well-formed SDK key per client: getClient returns one shared client per key. */
function sdkKey(): string {
  const n = String(clients++).padStart(22, "0");
  return `configcat-sdk-1/benchofflinexxxxxxxxxx/${n}`;
}

async function start(m: ConfigCatModule, configJson: string): Promise<Client> {
  const entry = `${Date.now()}\n"bench"\n${configJson}`;
  const client = m.getClient(sdkKey(), m.PollingMode.ManualPoll, {
    offline: true,
    logger: m.createConsoleLogger(m.LogLevel.Off),
    cache: { get: () => entry, set: () => undefined },
  });
  await client.waitForReady();
  return client;
}

export const configcat: Evaluator = {
  name: "ConfigCat",
  packageName: "configcat-node",
  async setup() {
    const m = requirePeer<ConfigCatModule>("configcat-node");
    const client = await start(
      m,
      JSON.stringify(
        config({
          r1: {
            t: STRING,
            ...served("default"),
            r: [
              { c: [{ u: { a: "sessionRandom", c: C.NumberLess, d: 0.1 } }, ...len], s: served("holdout") },
              { c: [{ u: { a: "sessionRandom", c: C.NumberLess, d: 0.9 } }, ...len], s: served("control") },
            ],
          },
          r2: r2Setting({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
          r3: { t: STRING, ...served("control"), p: [{ p: 10, ...served("treatment") }, { p: 90, ...served("control") }] },
        }),
      ),
    );
    const snapshot = client.snapshot();
    const { ambientInput } = await import("../library");
    const ambientUser = { identifier: "", custom: ambientInput() };
    let loaded: Client | undefined;
    return {
      ownHash: true,
      r1: (x) => snapshot.getValue("r1", "error", { identifier: "", custom: x }),
      ambient: () => snapshot.getValue("r1", "error", ambientUser),
      r2: (x) => snapshot.getValue("r2", "error", { identifier: "", custom: x }),
      r3: (x) => snapshot.getValue("r3", "error", { identifier: x.userId }),
      r4Source: (specs) => JSON.stringify(config(Object.fromEntries(specs.map((s) => [s.key, r2Setting(s)])))),
      async r4Load(text, specs, ctx) {
        loaded = await start(m, text);
        const snap = loaded.snapshot();
        const user = { identifier: "", custom: ctx };
        return specs.map((s) => snap.getValue(s.key, "error", user));
      },
      r4Release: () => loaded?.dispose(),
      close: () => client.dispose(),
    };
  },
};
