/*
 * Issue 9's "done when", end to end with the generated sample store: a service polling its bundle
 * over HTTP (a real loopback server) picks up a changed bundle, keeps the last good one when the
 * server fails, restarts offline from its backup, and answers the same through OpenFeature (the
 * real SDK) as through its generated getters, before and after every change.
 */
import { join } from "node:path";
import { OpenFeature, type EvaluationDetails as OpenFeatureDetails, type FlagValue } from "@openfeature/server-sdk";
import * as E from "fp-ts/Either";
import { connect, decodeBundle, httpSource, type FeatureModel } from "../../../runtime";
import { OfflineFeaturesProvider } from "../../../runtime/openfeature";
import { getTestDetails, getWelcomeDetails, store, type TestContext, type WelcomeContext } from "../../fixtures/sample/generated";
import embedded from "../../fixtures/sample/generated/features.json";
import { bundleOf, nextHealth, tempFolder, TestServer, untilHash } from "../sources/support";

const decoded = decodeBundle(embedded);
if (E.isLeft(decoded)) throw decoded.left;
const models = decoded.right.features;
const v1 = bundleOf(models);
/** The next release: France gets another greeting. */
const welcome: FeatureModel = { ...models.welcome!, buckets: models.welcome!.buckets.map((b) => (b.name === "france" ? { ...b, value: { text: "Salut", color: "blue" } } : b)) };
const v2 = bundleOf({ ...models, welcome });

const welcomeContexts: WelcomeContext[] = [
  { country: "FR", age: 30, newsletter: true },
  { country: "DE", age: 30, newsletter: true },
  { country: "DE", age: 30, newsletter: false },
  { country: "US", age: 17, newsletter: true },
];
const testContexts: TestContext[] = [
  { hostname: "lenovo-7", sessionRandom: 0.05 },
  { hostname: "lenovo-7", sessionRandom: 0.5 },
  { hostname: "lenovo-7", sessionRandom: 0.95 },
  { hostname: "web-1", sessionRandom: 0.05 },
];

const client = OpenFeature.getClient("delivery");

/** The value and bucket the getter gives, beside what the OpenFeature client gives for the same context. */
async function bothWays(): Promise<{ getters: unknown[]; openFeature: unknown[] }> {
  const getters: unknown[] = [];
  const openFeature: unknown[] = [];
  const of = (d: OpenFeatureDetails<FlagValue>) => ({ value: d.value, bucket: d.variant, error: d.errorCode });
  for (const ctx of welcomeContexts) {
    const d = getWelcomeDetails(ctx);
    getters.push({ value: d.value, bucket: d.bucket, error: undefined });
    openFeature.push(of(await client.getObjectDetails("welcome", {}, { ...ctx })));
  }
  for (const ctx of testContexts) {
    const d = getTestDetails(ctx);
    getters.push({ value: d.value, bucket: d.bucket, error: undefined });
    // `test` answers true, false or 42: each answer through the method of its kind.
    openFeature.push(of(typeof d.value === "number" ? await client.getNumberDetails("test", 0, { ...ctx }) : await client.getBooleanDetails("test", !d.value, { ...ctx })));
  }
  return { getters, openFeature };
}

afterAll(async () => {
  await OpenFeature.close();
});

test("a service on httpSource: the same answers through OpenFeature and the getters, across a change, a failing server and an offline restart", async () => {
  const folder = tempFolder("delivery");
  const backupPath = join(folder.path, "features.backup.json");
  const server = await TestServer.start();
  try {
    server.serve(v1.text, { etag: '"v1"' });
    connect(store, httpSource(server.url, { intervalMs: 20, timeoutMs: 2_000, maxBackoffMs: 40 }), { backupPath });
    await OpenFeature.setProviderAndWait("delivery", new OfflineFeaturesProvider({ store }));
    expect(store.hash).toBe(v1.hash);
    const before = await bothWays();
    expect(before.openFeature).toEqual(before.getters);
    expect(getWelcomeDetails(welcomeContexts[0]!).value.text).toBe("Bienvenue");

    // A new bundle on the host: the next poll loads it, for both ways of asking.
    server.serve(v2.text, { etag: '"v2"' });
    await untilHash(store, v2.hash);
    const changed = await bothWays();
    expect(changed.openFeature).toEqual(changed.getters);
    expect((await client.getObjectValue("welcome", {}, { country: "FR", age: 30, newsletter: true })) as unknown).toEqual({ text: "Salut", color: "blue" });

    // The host fails: the last good bundle keeps answering, the same both ways.
    const failing = nextHealth(store, "failing");
    server.respond = (_req, res) => res.writeHead(503).end();
    await failing;
    const failed = await bothWays();
    expect(failed).toEqual(changed);

    // A restart while the host is down: the store starts empty, loads its backup, and is ready.
    await store.close();
    await server.close();
    connect(store, httpSource(server.url, { intervalMs: 20, timeoutMs: 2_000, maxBackoffMs: 40 }), { backupPath, until: "defaults" });
    await store.ready(5_000);
    expect(store.status()).toMatchObject({ hash: v2.hash, loadedFrom: backupPath });
    const restarted = await bothWays();
    expect(restarted).toEqual(changed);
  } finally {
    await store.close();
    await server.close().catch(() => undefined);
    folder.remove();
  }
});
