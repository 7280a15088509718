import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ErrorCode, OpenFeature, ProviderEvents, type Hook } from "@openfeature/server-sdk";
import * as E from "fp-ts/Either";
import { connect, FeatureStore, fileSource, type FeatureModel } from "../../../runtime";
import { OfflineFeaturesProvider } from "../../../runtime/openfeature";
import { bundleOf, flag, tempFolder, untilHash } from "../sources/support";

const base = { type: "offline-feature", python_versions: ["all"] } as const;

/** 50% of users by `userId`, hashed: a unit rollout. */
const rollout: FeatureModel = {
  ...base,
  buckets: [{ name: "half", classifier: { __type: "comparison.lt", attribute: { __type: "random.unit", attribute: { __type: "context.string", name: "userId" } }, value: 0.5 }, value: true }],
  default: false,
};
const byCountry: FeatureModel = {
  ...base,
  buckets: [{ name: "france", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "FR" }, value: "Bonjour" }],
  default: "Hello",
};
const limit: FeatureModel = { ...base, buckets: [], default: 10 };
const banner: FeatureModel = { ...base, buckets: [], default: { color: "blue", text: "hi" } };
const oldNode: FeatureModel = { ...base, node_versions: "<1", buckets: [], default: true };

const features = { rollout, byCountry, limit, banner, oldNode };
const v1 = bundleOf(features);

function storeOf(text: string): FeatureStore {
  const store = FeatureStore.fromBundle(text);
  if (E.isLeft(store)) throw store.left;
  return store.right;
}

/** Finds a user id whose rollout number falls on the wanted side, so the test does not depend on one hash. */
function userIn(store: FeatureStore, bucket: "half" | "default"): string {
  for (let i = 0; i < 100; i++) if (store.resolve("rollout")?.evaluate({ userId: `u${i}` }).bucket === bucket) return `u${i}`;
  throw new Error("no such user");
}

afterAll(async () => {
  await OpenFeature.close();
});

describe("OfflineFeaturesProvider through the real @openfeature/server-sdk", () => {
  const store = storeOf(v1.text);
  const provider = new OfflineFeaturesProvider({ store, targetingKeyAttributes: ["userId"] });
  const client = OpenFeature.getClient("values");
  beforeAll(async () => {
    await OpenFeature.setProviderAndWait("values", provider);
  });

  test("a unit rollout that decided is SPLIT; the targeting key feeds the unit; variant and flagMetadata", async () => {
    const inside = userIn(store, "half");
    const details = await client.getBooleanDetails("rollout", false, { targetingKey: inside });
    expect(details).toMatchObject({ value: true, variant: "half", reason: "SPLIT", flagMetadata: { bucketIndex: 0, bundleHash: v1.hash } });
    const outside = await client.getBooleanDetails("rollout", true, { targetingKey: userIn(store, "default") });
    expect(outside).toMatchObject({ value: false, variant: "default", reason: "DEFAULT", flagMetadata: { bucketIndex: -1 } });
  });

  test("traceInMetadata puts a one-line trace in flagMetadata; an override answers STATIC", async () => {
    const traced = new OfflineFeaturesProvider({ store, traceInMetadata: true });
    await OpenFeature.setProviderAndWait("traced", traced);
    const tracedClient = OpenFeature.getClient("traced");
    const details = await tracedClient.getStringDetails("byCountry", "x", { country: "FR" });
    expect(details.flagMetadata.trace).toMatch(/^france:matched@/);
    const forced = store.override({ byCountry: "default" });
    try {
      expect(await tracedClient.getStringDetails("byCountry", "x", { country: "FR" })).toMatchObject({ reason: "STATIC", variant: "default" });
    } finally {
      forced.restore();
    }
  });

  test("the same answers as evaluating the store directly", async () => {
    for (let i = 0; i < 20; i++) {
      const direct = store.resolve("rollout")!.evaluate({ userId: `u${i}` });
      const viaSdk = await client.getBooleanDetails("rollout", false, { targetingKey: `u${i}` });
      expect([viaSdk.value, viaSdk.variant]).toEqual([direct.value, direct.bucket]);
    }
  });

  test("strings, numbers and objects; TARGETING_MATCH, DEFAULT, DISABLED", async () => {
    expect(await client.getStringDetails("byCountry", "x", { country: "FR" })).toMatchObject({ value: "Bonjour", reason: "TARGETING_MATCH", variant: "france" });
    expect(await client.getNumberDetails("limit", 0)).toMatchObject({ value: 10, reason: "DEFAULT" });
    expect(await client.getObjectValue("banner", {})).toEqual({ color: "blue", text: "hi" });
    expect(await client.getBooleanDetails("oldNode", false)).toMatchObject({ value: true, reason: "DISABLED" });
  });

  test.each([
    ["an unknown key", () => client.getBooleanDetails("nope", false), ErrorCode.FLAG_NOT_FOUND],
    ["a value of another type", () => client.getBooleanDetails("limit", false), ErrorCode.TYPE_MISMATCH],
    ["a missing context key", () => client.getStringDetails("byCountry", "x", {}), ErrorCode.INVALID_CONTEXT],
    ["a context key of the wrong type", () => client.getStringDetails("byCountry", "x", { country: 3 }), ErrorCode.INVALID_CONTEXT],
    ["a unit rollout without a targeting key", () => client.getBooleanDetails("rollout", false, {}), ErrorCode.TARGETING_KEY_MISSING],
  ])("%s: the SDK's error, with the caller's default", async (_name, evaluate, code) => {
    const details = await evaluate();
    expect(details).toMatchObject({ reason: "ERROR", errorCode: code });
    expect(details.value).toBe(typeof details.value === "boolean" ? false : "x");
    expect(details.errorMessage).toBeTruthy();
  });

  test("SDK hooks see the provider's details; store hooks see the evaluation", async () => {
    const seen: string[] = [];
    const hook: Hook = { after: (_ctx, d) => void seen.push(`sdk ${d.flagKey} ${d.reason}`), error: (_ctx, e) => void seen.push(`sdk error ${(e as { code?: string }).code}`) };
    const off = store.hooks.add({ after: (key, d) => void seen.push(`store ${key} ${d.reason}`) });
    await client.getNumberValue("limit", 0, {}, { hooks: [hook] });
    await client.getNumberValue("nope", 0, {}, { hooks: [hook] });
    off();
    expect(seen).toEqual(["store limit DEFAULT", "sdk limit DEFAULT", "sdk error FLAG_NOT_FOUND"]);
  });
});

describe("the generated store through OpenFeature", () => {
  test("the README's example: the same answer as the generated getter", async () => {
    const { store, getWelcomeDetails } = await import("../../fixtures/sample/generated");
    await OpenFeature.setProviderAndWait("generated", new OfflineFeaturesProvider({ store }));
    const details = await OpenFeature.getClient("generated").getObjectDetails("welcome", {}, { targetingKey: "user-17", country: "FR" });
    const direct = getWelcomeDetails({ country: "FR", age: 30, newsletter: false });
    expect(details).toMatchObject({ value: direct.value, variant: direct.bucket, reason: "TARGETING_MATCH", flagMetadata: { bucketIndex: 0, bundleHash: store.hash } });
    expect(details.value).toEqual({ text: "Bienvenue", color: "blue" });
  });
});

describe("provider events and lifecycle over a watched file", () => {
  test("CONFIGURATION_CHANGED with flagsChanged on reload, STALE, ERROR, READY on recovery; onClose closes the source", async () => {
    const folder = tempFolder("openfeature");
    const path = join(folder.path, "features.json");
    writeFileSync(path, v1.text);
    const store = connect(FeatureStore.empty(), fileSource(path, { watch: true, debounceMs: 10 }), { staleAfterMs: 50, until: "defaults" });
    const provider = new OfflineFeaturesProvider({ store });
    const client = OpenFeature.getClient("events");
    const next = (event: ProviderEvents) =>
      new Promise<unknown>((resolve) => {
        const handler = (details: unknown) => {
          client.removeHandler(event, handler);
          resolve(details);
        };
        client.addHandler(event, handler);
      });
    try {
      await OpenFeature.setProviderAndWait("events", provider);
      expect(await client.getNumberValue("limit", 0)).toBe(10);
      // A file watch makes no periodic checks: with no change for staleAfterMs, the store is stale.
      const stale = next(ProviderEvents.Stale);
      await stale;
      expect((await client.getNumberDetails("limit", 0)).reason).toBe("STALE");

      const changed = next(ProviderEvents.ConfigurationChanged);
      const v2 = bundleOf({ ...features, limit: { ...limit, default: 20 }, added: flag(1) });
      writeFileSync(path, v2.text);
      expect(await changed).toMatchObject({ flagsChanged: ["added", "limit"] });
      await untilHash(store, v2.hash);
      expect(await client.getNumberValue("limit", 0)).toBe(20);

      const failing = next(ProviderEvents.Error);
      unlinkSync(path);
      expect(await failing).toMatchObject({ message: expect.stringMatching(/does not exist/) });
      expect(await client.getNumberValue("limit", 0)).toBe(20);
      const ready = next(ProviderEvents.Ready);
      writeFileSync(path, v1.text);
      await ready;
      await untilHash(store, v1.hash);
    } finally {
      await OpenFeature.clearProviders();
      folder.remove();
    }
    expect(store.status().source).toBeUndefined();
  });

  test("a store still waiting for its first bundle answers PROVIDER_NOT_READY; one whose bundle did not decode, PARSE_ERROR", async () => {
    const folder = tempFolder("openfeature-bad");
    const path = join(folder.path, "features.json");
    writeFileSync(path, "{ cut sho");
    const store = connect(FeatureStore.empty(), fileSource(path), { until: "defaults" });
    const provider = new OfflineFeaturesProvider({ store, readyTimeoutMs: 100 });
    try {
      expect(await provider.resolveNumberEvaluation("limit", 0, {}).catch((e: { code?: string }) => e.code)).toBe(ErrorCode.PROVIDER_NOT_READY);
      await expect(provider.initialize()).rejects.toThrow(/not ready after 100 ms/);
      const empty = connect(FeatureStore.empty(), fileSource(path));
      // Wait for the source's first outcome (it fails: the file does not parse), not for a fixed time.
      await new Promise<void>((resolve) => {
        const off = empty.onHealth(() => {
          off();
          resolve();
        });
        if (empty.status().lastError !== undefined) {
          off();
          resolve();
        }
      });
      const parse = new OfflineFeaturesProvider({ store: empty });
      expect(await parse.resolveNumberEvaluation("limit", 0, {}).catch((e: { code?: string }) => e.code)).toBe(ErrorCode.PARSE_ERROR);
      await parse.onClose();
    } finally {
      await provider.onClose();
      folder.remove();
    }
  });
});
