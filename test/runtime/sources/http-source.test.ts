import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { connect, FeatureStore, httpSource, type HttpBundleSource } from "../../../runtime";
import { bundleOf, detailsOn, flag, nextHealth, tempFolder, TestServer, untilHash } from "./support";

const v1 = bundleOf({ banner: flag("one") });
const v2 = bundleOf({ banner: flag("two") });

/** Short intervals and a low backoff cap keep the suite quick; nothing asserts on elapsed time. */
const quick = { intervalMs: 10, timeoutMs: 2_000, maxBackoffMs: 40 };

describe("httpSource against a real loopback server", () => {
  let server: TestServer;
  let store: FeatureStore;
  let source: HttpBundleSource;
  beforeEach(async () => {
    server = await TestServer.start();
    store = FeatureStore.empty();
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  async function connected(options: Parameters<typeof httpSource>[1] = quick): Promise<void> {
    source = httpSource(server.url, options);
    connect(store, source);
    await store.ready(5_000);
  }

  test("200 loads; then If-None-Match gets a 304 that counts as a successful check; a changed ETag loads the new bundle", async () => {
    server.serve(v1.text, { etag: '"v1"' });
    await connected();
    expect(store.hash).toBe(v1.hash);
    expect(detailsOn(store).value).toBe("one");
    await server.untilMoreRequests(2);
    expect(server.requests.at(-1)?.["if-none-match"]).toBe('"v1"');
    expect(store.status()).toMatchObject({ source: server.url, hash: v1.hash, lastError: undefined, stale: false });
    expect(store.status().checkedAt).toBeInstanceOf(Date);
    server.serve(v2.text, { etag: '"v2"' });
    await untilHash(store, v2.hash);
    expect(detailsOn(store).value).toBe("two");
  });

  test("a changed bundle is loaded by the first check after the change, and after a success the next check is one interval away", async () => {
    server.serve(v1.text, { etag: '"v1"' });
    await connected();
    expect(source.nextDelayMs).toBe(quick.intervalMs);
    let checksSinceChange = 0;
    server.respond = (_req, res) => {
      checksSinceChange++;
      res.writeHead(200, { etag: '"v2"', "content-length": String(Buffer.byteLength(v2.text)) }).end(v2.text);
    };
    await untilHash(store, v2.hash);
    expect(checksSinceChange).toBe(1);
    expect(detailsOn(store).value).toBe("two");
  });

  test("the server going away after a good load (a network error) keeps the last good bundle", async () => {
    server.serve(v1.text, { etag: '"v1"' });
    await connected();
    const failing = nextHealth(store, "failing");
    await server.close();
    expect((await failing).error.message).toMatch(/request failed: .*(ECONNREFUSED|ECONNRESET|socket hang up)/);
    expect(store.hash).toBe(v1.hash);
    expect(detailsOn(store).value).toBe("one");
    server = await TestServer.start(); // for afterEach
  });

  test("Last-Modified is sent back as If-Modified-Since when there is no ETag", async () => {
    const lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
    server.serve(v1.text, { "last-modified": lastModified });
    await connected();
    await server.untilMoreRequests(2);
    expect(server.requests.at(-1)?.["if-modified-since"]).toBe(lastModified);
    expect(server.requests.at(-1)?.["if-none-match"]).toBeUndefined();
  });

  test("Cache-Control max-age is the floor of the interval", async () => {
    server.serve(v1.text, { "cache-control": "public, max-age=3600" });
    await connected();
    expect(source.nextDelayMs).toBe(3_600_000);
  });

  test("a gzip body is decompressed", async () => {
    const zipped = gzipSync(v1.text);
    server.respond = (_req, res) => res.writeHead(200, { "content-encoding": "gzip", "content-length": String(zipped.length) }).end(zipped);
    await connected();
    expect(store.hash).toBe(v1.hash);
  });

  test.each([
    ["404", (res: import("node:http").ServerResponse) => res.writeHead(404).end("no"), /HTTP 404/],
    ["500", (res: import("node:http").ServerResponse) => res.writeHead(500).end("boom"), /HTTP 500/],
    ["a truncated body", (res: import("node:http").ServerResponse) => {
      res.writeHead(200, { "content-length": String(Buffer.byteLength(v2.text)) });
      res.write(v2.text.slice(0, 40));
      setImmediate(() => res.socket?.destroy());
    }, /the body was cut short/],
    ["an undecodable body", (res: import("node:http").ServerResponse) => res.writeHead(200).end("{ not json"), /invalid JSON/],
    ["a body that is not UTF-8", (res: import("node:http").ServerResponse) => res.writeHead(200).end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), /not valid UTF-8/],
  ])("%s keeps the last good bundle and backs off", async (_name, respond, message) => {
    server.serve(v1.text, { etag: '"v1"' });
    await connected();
    const failing = nextHealth(store, "failing");
    server.respond = (_req, res) => respond(res);
    expect((await failing).error.message).toMatch(message);
    expect(store.hash).toBe(v1.hash);
    expect(detailsOn(store).value).toBe("one");
    expect(store.status().lastError?.message).toBeDefined();
    // Back-off: the delay after failures is a jittered step of at least half of interval * 2^(n-1).
    expect(source.nextDelayMs).toBeGreaterThanOrEqual(quick.intervalMs / 2);
    expect(source.nextDelayMs).toBeLessThanOrEqual(quick.maxBackoffMs);
    // A refused body's validators are not kept: the next request asks for the whole bundle again.
    server.serve(v2.text, { etag: '"v2"' });
    const recovered = nextHealth(store, "recovered");
    await untilHash(store, v2.hash);
    await recovered;
    expect(store.status().lastError).toBeUndefined();
  });

  test.each([
    ["declared by Content-Length", true],
    ["streamed without a length", false],
  ])("a body past maxBytes (%s) is cut off and refused", async (_name, declared) => {
    server.serve(v1.text);
    const maxBytes = v1.text.length + 10;
    await connected({ ...quick, maxBytes });
    const failing = nextHealth(store, "failing");
    const big = "x".repeat(maxBytes * 4);
    server.respond = (_req, res) => {
      res.writeHead(200, declared ? { "content-length": String(big.length) } : {});
      res.write(big.slice(0, maxBytes));
      res.end(big.slice(maxBytes));
    };
    expect((await failing).error.message).toMatch(new RegExp(`larger than ${maxBytes} bytes .*the limit is the source's maxBytes = ${maxBytes}$`));
    expect(store.hash).toBe(v1.hash);
  });

  test.each([
    ["declared by Content-Length", true],
    ["streamed without a length", false],
  ])("without maxBytes, the store's limits.bytes caps the body (%s), on the stream, before parsing", async (_name, declared) => {
    const bytes = v1.text.length + 10;
    store = FeatureStore.empty({ limits: { bytes } });
    server.serve(v1.text);
    await connected();
    const failing = nextHealth(store, "failing");
    const big = "x".repeat(bytes * 4);
    server.respond = (_req, res) => {
      res.writeHead(200, declared ? { "content-length": String(big.length) } : {});
      res.write(big.slice(0, bytes));
      res.end(big.slice(bytes));
    };
    const message = (await failing).error.message;
    expect(message).toMatch(new RegExp(`larger than ${bytes} bytes .*the limit is limits\\.bytes = ${bytes} \\(raise it with`));
    if (declared) expect(message).toMatch(/Content-Length/);
    else expect(message).toMatch(/download cut off/);
    expect(store.hash).toBe(v1.hash);
  });

  test("a response slower than timeoutMs is a failure, and the hanging request is cut", async () => {
    server.serve(v1.text);
    await connected({ ...quick, timeoutMs: 50 });
    const failing = nextHealth(store, "failing");
    server.respond = () => {
      /* never answers */
    };
    expect((await failing).error.message).toMatch(/no complete response within 50 ms/);
    expect(store.hash).toBe(v1.hash);
    // The hung request was cut, so the source's one connection is free for the next check.
    server.serve(v2.text);
    await untilHash(store, v2.hash);
  });

  test("a network error (nothing listening) is a failure; ready rejects with the source and the reason", async () => {
    await server.close();
    connect(store, httpSource(server.url, quick), { until: "defaults" });
    await expect(store.ready(100)).rejects.toThrow(/not ready after 100 ms: no good bundle from http:\/\/127\.0\.0\.1:\d+\/features\.json \(last error: .*ECONNREFUSED/);
    expect(detailsOn(store)).toMatchObject({ value: "fallback", reason: "ERROR" });
    expect(detailsOn(store).errors[0]?.code).toBe("PROVIDER_NOT_READY");
    server = await TestServer.start(); // for afterEach
  });

  test("stale after staleAfterMs without a successful check: details say STALE, status().stale; a success clears it", async () => {
    server.serve(v1.text, { etag: '"v1"' });
    source = httpSource(server.url, quick);
    connect(store, source, { staleAfterMs: 60 });
    await store.ready(5_000);
    expect(detailsOn(store).reason).toBe("TARGETING_MATCH");
    const stale = nextHealth(store, "stale");
    server.respond = (_req, res) => res.writeHead(503).end();
    await stale;
    expect(store.status().stale).toBe(true);
    expect(detailsOn(store)).toMatchObject({ value: "one", bucket: "on", reason: "STALE" });
    const recovered = nextHealth(store, "recovered");
    server.serve(v1.text, { etag: '"v1"' });
    await recovered;
    expect(store.status().stale).toBe(false);
    expect(detailsOn(store).reason).toBe("TARGETING_MATCH");
  });
});

describe("backupPath: last-known-good across restarts", () => {
  test("each good bundle is written; a restart with the source down loads it and is ready", async () => {
    const folder = tempFolder("backup");
    const backupPath = join(folder.path, "state", "features.backup.json");
    const server = await TestServer.start();
    try {
      server.serve(v1.text, { etag: '"v1"' });
      const first = connect(FeatureStore.empty(), httpSource(server.url, quick), { backupPath });
      await first.ready(5_000);
      server.serve(v2.text, { etag: '"v2"' });
      await untilHash(first, v2.hash);
      await first.close();
      expect(existsSync(backupPath)).toBe(true);
      expect(readFileSync(backupPath, "utf8")).toBe(v2.text);

      server.respond = (_req, res) => res.writeHead(500).end();
      const restarted = connect(FeatureStore.empty(), httpSource(server.url, quick), { backupPath, until: "defaults" });
      await restarted.ready(5_000);
      expect(restarted.status()).toMatchObject({ hash: v2.hash, loadedFrom: backupPath, source: server.url });
      expect(detailsOn(restarted).value).toBe("two");
      await restarted.close();
    } finally {
      await server.close();
      folder.remove();
    }
  });
});
