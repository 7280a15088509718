import type { IncomingMessage, ServerResponse } from "node:http";
import { connect, FeatureStore, httpSource, type HttpBundleSource } from "../../../runtime";
import { bundleOf, detailsOn, flag, nextHealth, TestServer, untilHash } from "./support";

const v1 = bundleOf({ banner: flag("one") });
const v2 = bundleOf({ banner: flag("two") });
const quick = { intervalMs: 10, timeoutMs: 2_000, maxBackoffMs: 40 };

/** What one request asked for: the path and the headers that matter here. */
interface Seen {
  readonly path: string;
  readonly ifNoneMatch: string | undefined;
  readonly authorization: string | undefined;
}

/**
 * A loopback server answering by path: `routes[path]` redirects (a status and a Location) or
 * serves a bundle with an ETag (304 when If-None-Match has it). Every request is recorded.
 */
function routed(server: TestServer, routes: Record<string, readonly [number, string] | { text: string; etag: string }>, seen: Seen[]): void {
  server.respond = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "";
    seen.push({ path, ifNoneMatch: req.headers["if-none-match"], authorization: req.headers.authorization });
    const route = routes[path];
    if (route === undefined) return void res.writeHead(404).end();
    if (Array.isArray(route)) return void res.writeHead(route[0], { location: route[1] }).end();
    const served = route as { text: string; etag: string };
    if (req.headers["if-none-match"] === served.etag) return void res.writeHead(304, { etag: served.etag }).end();
    res.writeHead(200, { etag: served.etag, "content-length": String(Buffer.byteLength(served.text)) }).end(served.text);
  };
}

describe("httpSource follows redirects on a real loopback server", () => {
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

  test.each([301, 302, 303, 307, 308])("HTTP %d: loads the target; each check starts at the URL and sends the ETag only where the bundle came from", async (status) => {
    const seen: Seen[] = [];
    routed(server, { "/features.json": [status, "/v1/features.json"], "/v1/features.json": { text: v1.text, etag: '"v1"' } }, seen);
    source = httpSource(server.url, quick);
    connect(store, source);
    await store.ready(5_000);
    expect(store.hash).toBe(v1.hash);
    expect(source.location).toBe(server.url.replace("/features.json", "/v1/features.json"));
    await server.untilMoreRequests(2);
    const second = seen.slice(2, 4);
    expect(second).toEqual([
      { path: "/features.json", ifNoneMatch: undefined, authorization: undefined },
      { path: "/v1/features.json", ifNoneMatch: '"v1"', authorization: undefined },
    ]);
    expect(store.status().lastError).toBeUndefined();
  });

  test("a redirect to a new location fetches it whole (its validators are its own) and loads it", async () => {
    const seen: Seen[] = [];
    routed(server, { "/features.json": [302, "/v1"], "/v1": { text: v1.text, etag: '"same"' }, "/v2": { text: v2.text, etag: '"same"' } }, seen);
    source = httpSource(server.url, quick);
    connect(store, source);
    await store.ready(5_000);
    routed(server, { "/features.json": [302, "/v2"], "/v1": { text: v1.text, etag: '"same"' }, "/v2": { text: v2.text, etag: '"same"' } }, seen);
    await untilHash(store, v2.hash);
    expect(seen.find((s) => s.path === "/v2")?.ifNoneMatch).toBeUndefined();
    expect(detailsOn(store).value).toBe("two");
  });

  test.each([
    ["a loop", { "/features.json": [302, "/a"], "/a": [301, "/features.json"] }, /redirect loop: http:\/\/127\.0\.0\.1:\d+\/features\.json → http:\/\/127\.0\.0\.1:\d+\/a → http:\/\/127\.0\.0\.1:\d+\/features\.json/],
    ["more than 5 hops", Object.fromEntries(Array.from({ length: 7 }, (_, i) => [i === 0 ? "/features.json" : `/${i}`, [307, `/${i + 1}`]])), /more than 5 redirects \(.*\/5 → .*\/6\); raise maxRedirects/],
    ["a file: target", { "/features.json": [302, "file:///etc/passwd"] }, /redirect from http:\/\/127\.0\.0\.1:\d+\/features\.json to "file:\/\/\/etc\/passwd" refused: only http: and https: URLs are followed/],
    ["no Location", { "/features.json": [301, ""] }, /HTTP 301 redirect from .* without a Location header/],
  ] as const)("%s is a failed check that keeps the last good bundle and says why", async (_name, routes, message) => {
    const seen: Seen[] = [];
    routed(server, { "/features.json": { text: v1.text, etag: '"v1"' } }, seen);
    source = httpSource(server.url, quick);
    connect(store, source);
    await store.ready(5_000);
    const failing = nextHealth(store, "failing");
    routed(server, routes as Parameters<typeof routed>[1], seen);
    expect((await failing).error.message).toMatch(message);
    expect(store.status().lastError?.message).toMatch(message);
    expect(store.hash).toBe(v1.hash);
    expect(detailsOn(store).value).toBe("one");
  });

  test("maxRedirects: 0 follows none", async () => {
    routed(server, { "/features.json": [302, "/v1"], "/v1": { text: v1.text, etag: '"v1"' } }, []);
    connect(store, httpSource(server.url, { ...quick, maxRedirects: 0 }));
    const failing = nextHealth(store, "failing");
    expect((await failing).error.message).toMatch(/more than 0 redirects/);
    expect(store.hash).toBeUndefined();
  });

  test("Authorization goes only to the configured URL's origin, other headers follow the redirect", async () => {
    const other = await TestServer.start();
    try {
      const seenHere: Seen[] = [];
      const seenThere: Seen[] = [];
      routed(other, { "/features.json": { text: v1.text, etag: '"v1"' } }, seenThere);
      routed(server, { "/features.json": [302, other.url] }, seenHere);
      let custom: string | undefined;
      const serveThere = other.respond;
      other.respond = (req, res) => {
        custom = req.headers["x-fleet"] as string | undefined;
        serveThere(req, res);
      };
      connect(store, httpSource(server.url, { ...quick, headers: { Authorization: "Bearer secret", "X-Fleet": "eu" } }));
      await store.ready(5_000);
      expect(store.hash).toBe(v1.hash);
      expect(seenHere[0]?.authorization).toBe("Bearer secret");
      expect(seenThere[0]?.authorization).toBeUndefined();
      expect(custom).toBe("eu");
      await store.close();
    } finally {
      await other.close();
    }
  });
});
