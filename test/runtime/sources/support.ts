import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleHash, encodeBundle, type AmbientOverrides, type EvaluationDetails, type FeatureModel, type FeatureStore, type JsonValue, type SourceHealth } from "../../../runtime";

/** A feature whose one bucket ("on") matches when the context says `on: true`; its value is `value`. */
export function flag(value: JsonValue, fallback: JsonValue = null): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: "on", classifier: { __type: "comparison.eq", attribute: { __type: "context.boolean", name: "on" }, value: true }, value }],
    default: fallback,
  };
}

/** A bundle's JSON text and hash. */
export function bundleOf(features: Record<string, FeatureModel>): { text: string; hash: string } {
  return { text: `${JSON.stringify(encodeBundle(features), null, 2)}\n`, hash: bundleHash(features) };
}

/** Resolves once the store holds the bundle with `hash` (at once if it does already). */
export function untilHash(store: FeatureStore, hash: string): Promise<void> {
  if (store.hash === hash) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.onChange((change) => {
      if (change.hash === hash) {
        off();
        resolve();
      }
    });
  });
}

/** Resolves with the next health event of the given kind. */
export function nextHealth<K extends SourceHealth["__type"]>(store: FeatureStore, kind: K): Promise<Extract<SourceHealth, { __type: K }>> {
  return new Promise((resolve) => {
    const off = store.onHealth((health) => {
      if (health.__type === kind) {
        off();
        resolve(health as Extract<SourceHealth, { __type: K }>);
      }
    });
  });
}

/** A temporary folder, removed by the returned function. */
export function tempFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `of-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 (port 0) whose answer the test sets with `respond`. `requests`
 * lists every request's headers; `untilRequests(n)` resolves once n requests were answered.
 */
export class TestServer {
  readonly requests: IncomingMessage["headers"][] = [];
  respond: Handler = (_req, res) => res.writeHead(500).end();
  private waiters: { count: number; resolve: () => void }[] = [];
  private answered = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = "/features.json"): Promise<TestServer> {
    let self: TestServer | undefined;
    const server = createServer((req, res) => {
      self!.requests.push(req.headers);
      res.on("close", () => self!.answeredOne());
      self!.respond(req, res);
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    self = new TestServer(server, `http://127.0.0.1:${port}${path}`);
    return self;
  }

  private answeredOne(): void {
    this.answered++;
    this.waiters = this.waiters.filter((w) => (this.answered >= w.count ? (w.resolve(), false) : true));
  }

  /** Resolves once `more` further requests were answered (or cut off). */
  untilMoreRequests(more = 1): Promise<void> {
    const count = this.answered + more;
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Serves `text` with the given headers; answers 304 when If-None-Match matches `etag`. */
  serve(text: string, headers: Record<string, string> = {}): void {
    this.respond = (req, res) => {
      if (headers.etag !== undefined && req.headers["if-none-match"] === headers.etag) return void res.writeHead(304, headers).end();
      if (headers["last-modified"] !== undefined && req.headers["if-modified-since"] === headers["last-modified"]) return void res.writeHead(304, headers).end();
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers }).end(text);
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The details of feature `key` for a context with `on: true`, through a handle as generated getters use. */
export function detailsOn(store: FeatureStore, key = "banner", fallback: JsonValue = "fallback"): EvaluationDetails<JsonValue> {
  return store.handle<JsonValue, string, AmbientOverrides & { on?: boolean }>(key, fallback).evaluate({ on: true });
}
