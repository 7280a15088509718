/**
 * LaunchDarkly: flags in LaunchDarkly's own flag JSON (rules with clauses, a percentage rollout),
 * read by the SDK's file data source, events and diagnostics off. `variation` is asynchronous,
 * so each evaluation is awaited.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface Client {
  waitForInitialization(options: { timeout: number }): Promise<unknown>;
  variation(key: string, ctx: object, defaultValue: string): Promise<string>;
  close(): void;
}
interface LaunchDarklyModule {
  init(sdkKey: string, options: object): Client;
  basicLogger(options: { level: string }): unknown;
  integrations: { FileDataSourceFactory: new (options: { paths: string[] }) => { getFactory(): unknown } };
}

const flag = (key: string, variations: string[], body: object) => ({
  key,
  version: 1,
  on: true,
  variations,
  offVariation: variations.length - 1,
  fallthrough: { variation: variations.length - 1 },
  targets: [],
  contextTargets: [],
  prerequisites: [],
  rules: [],
  salt: key,
  trackEvents: false,
  trackEventsFallthrough: false,
  ...body,
});
const len = { attribute: "hostname", op: "matches", values: ["^len.+"] };
const r2Flag = (s: R2Spec) =>
  flag(s.key, ["match", "default"], {
    rules: [
      {
        id: "match",
        variation: 0,
        clauses: [
          { attribute: "country", op: "in", values: [...s.countries] },
          { attribute: "plan", op: "in", values: [s.plan] },
          { attribute: "appVersion", op: "semVerLessThan", values: [s.minVersion], negate: true },
        ],
      },
    ],
  });

/*
 * The flags files, in a folder made on the first write and removed when the evaluator is closed
 * or the process exits: a process that only imports this module (every bench process, every jest
 * worker) makes none, and a jest worker, which may be stopped without its exit handlers running,
 * closes the evaluator first (bench/correctness.ts).
 */
let folder: string | undefined;
let files = 0;
function removeFolder(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
process.once("exit", removeFolder);

/** Writes the flags file (untimed in R4: the file data source's format is a file). */
function writeFlags(text: string): string {
  folder ??= mkdtempSync(join(tmpdir(), "offline-features-bench-ld-"));
  const path = join(folder, `flags-${files++}.json`);
  writeFileSync(path, text);
  return path;
}

async function start(m: LaunchDarklyModule, path: string): Promise<Client> {
  const client = m.init("sdk-bench-offline", {
    updateProcessor: new m.integrations.FileDataSourceFactory({ paths: [path] }).getFactory(),
    sendEvents: false,
    diagnosticOptOut: true,
    logger: m.basicLogger({ level: "none" }),
  });
  await client.waitForInitialization({ timeout: 10 });
  return client;
}

export const launchdarkly: Evaluator = {
  name: "LaunchDarkly",
  packageName: "@launchdarkly/node-server-sdk",
  async: true,
  async setup() {
    const m = requirePeer<LaunchDarklyModule>("@launchdarkly/node-server-sdk");
    const flags = {
      r1: flag("r1", ["holdout", "control", "default"], {
        rules: [
          { id: "holdout", variation: 0, clauses: [{ attribute: "sessionRandom", op: "lessThan", values: [0.1] }, len] },
          { id: "control", variation: 1, clauses: [{ attribute: "sessionRandom", op: "lessThan", values: [0.9] }, len] },
        ],
      }),
      r2: r2Flag({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
      r3: flag("r3", ["treatment", "control"], {
        fallthrough: { rollout: { variations: [{ variation: 0, weight: 10_000 }, { variation: 1, weight: 90_000 }] } },
      }),
    };
    const client = await start(m, writeFlags(JSON.stringify({ flags })));
    const { ambientInput } = await import("../library");
    const ambientCtx = { kind: "user", key: "bench", ...ambientInput() };
    let loaded: Client | undefined;
    let loadPath = "";
    return {
      ownHash: true,
      r1: (x) => client.variation("r1", { kind: "user", key: "bench", hostname: x.hostname, sessionRandom: x.sessionRandom }, "error"),
      ambient: () => client.variation("r1", ambientCtx, "error"),
      r2: (x) => client.variation("r2", { kind: "user", key: "bench", country: x.country, plan: x.plan, appVersion: x.appVersion }, "error"),
      r3: (x) => client.variation("r3", { kind: "user", key: x.userId }, "error"),
      r4Source(specs) {
        const text = JSON.stringify({ flags: Object.fromEntries(specs.map((s) => [s.key, r2Flag(s)])) });
        loadPath = writeFlags(text);
        return text;
      },
      async r4Load(_text, specs, ctx) {
        loaded = await start(m, loadPath);
        const l = loaded;
        const context = { kind: "user", key: "bench", ...ctx };
        const out: string[] = [];
        for (const s of specs) out.push(await l.variation(s.key, context, "error"));
        return out;
      },
      r4Release: () => loaded?.close(),
      close: () => {
        client.close();
        removeFolder();
      },
    };
  },
};
