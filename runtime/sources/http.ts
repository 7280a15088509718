import * as http from "node:http";
import * as https from "node:https";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { absurd } from "fp-ts/function";
import { byteLimit, SourceError, type BundleSource, type ByteLimit, type SourceSink } from "./source";
import { backoffDelay, maxAgeMs, retryAfterMs } from "./backoff";
import { DEFAULT_LIMITS } from "../decode/limits";

/** Options of {@link httpSource}. */
export interface HttpSourceOptions {
  /** Time between two checks after a success (default 30 s). A `Cache-Control: max-age` longer than this is used instead. */
  readonly intervalMs?: number;
  /** Deadline of one request, headers and body together (default 10 s). */
  readonly timeoutMs?: number;
  /** Extra request headers (an `Authorization` for a private bucket, …). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Largest body accepted, in bytes after decompression: by default the store's `limits.bytes`
   * (16 MiB unless the store was created with other limits); a smaller value lowers it. A declared
   * `Content-Length` past it is refused unread, and a streamed body is cut off as soon as it passes.
   */
  readonly maxBytes?: number;
  /** Cap of the retry delay after failures (default: 5 minutes, or `intervalMs` if longer). */
  readonly maxBackoffMs?: number;
  /** Redirects (301, 302, 303, 307, 308) followed in one check (default 5; 0 follows none). */
  readonly maxRedirects?: number;
}

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BACKOFF_MS = 300_000;
const DEFAULT_MAX_REDIRECTS = 5;
/** The statuses followed as redirects; each is followed with a GET (the only method a source sends). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** An HTTP source, which also tells when it will look next (for diagnostics and tests). */
export interface HttpBundleSource extends BundleSource {
  /** The delay before the next check, as last scheduled (after interval, max-age, backoff and jitter). */
  readonly nextDelayMs: number | undefined;
  /** The URL the last loaded bundle came from, after redirects (undefined before the first). */
  readonly location: string | undefined;
}

/** What one request came to. */
type Outcome =
  | { readonly __type: "body"; readonly text: string; readonly url: string; readonly etag: string | undefined; readonly lastModified: string | undefined; readonly maxAgeMs: number | undefined }
  | { readonly __type: "not-modified"; readonly maxAgeMs: number | undefined }
  | { readonly __type: "failure"; readonly error: SourceError; readonly retryAfterMs: number | undefined };

/**
 * A bundle polled over HTTP(S) from any static host, CDN or object store: no server of ours. Each
 * check sends `If-None-Match` with the last loaded bundle's `ETag` (or `If-Modified-Since` with
 * its `Last-Modified` when there is no ETag), so an unchanged bundle costs a 304. After a success
 * the next check comes after `intervalMs`, or the response's `Cache-Control: max-age` when longer.
 *
 * A 4xx or 5xx, a timeout, a network error, a body cut short or past the store's `limits.bytes`
 * (or a smaller `maxBytes`), a body that is
 * not UTF-8 or not a valid bundle: each is a failed check. The store keeps its last good bundle,
 * and retries back off exponentially with jitter up to `maxBackoffMs` (a `Retry-After` is
 * honoured). The validators of a refused body are not kept, so the next check fetches it whole.
 *
 * Redirects (301, 302, 303, 307, 308) are followed, up to `maxRedirects` (default 5) per check
 * and within its `timeoutMs`; every check starts again at `url`. A loop, one hop too many, a
 * `Location` that is missing, not http(s), or a step down from https to http is a failed check
 * saying so. The `ETag` / `Last-Modified` are kept with the URL that served the bundle and sent
 * only there; `Authorization` and `Cookie` headers are sent only to `url`'s origin.
 */
export function httpSource(url: string, options: HttpSourceOptions = {}): HttpBundleSource {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`httpSource: expected an http: or https: URL, found ${JSON.stringify(url)}`);
  }
  return new HttpSource(parsed, options);
}

class HttpSource implements HttpBundleSource {
  readonly name: string;
  private sink: SourceSink | undefined;
  private readonly agents = new Map<string, http.Agent>();
  private timer: NodeJS.Timeout | undefined;
  private request: http.ClientRequest | undefined;
  private closed = false;
  private failures = 0;
  nextDelayMs: number | undefined;
  /** The validators of the last loaded bundle, and the URL (after redirects) that served it. */
  private validators: { readonly url: string; readonly etag: string | undefined; readonly lastModified: string | undefined } | undefined;
  location: string | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly url: URL,
    private readonly options: HttpSourceOptions,
  ) {
    this.name = url.href;
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  start(sink: SourceSink): void {
    this.sink = sink;
    void this.poll();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.destroy();
    this.request = undefined;
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private async poll(): Promise<void> {
    const outcome = await this.fetchOnce();
    const sink = this.sink;
    if (this.closed || sink === undefined) return;
    let delay: number;
    switch (outcome.__type) {
      case "body": {
        const refused = sink.offer(outcome.text);
        if (refused === undefined) {
          this.validators = { url: outcome.url, etag: outcome.etag, lastModified: outcome.lastModified };
          this.location = outcome.url;
          delay = this.succeeded(outcome.maxAgeMs);
        } else {
          delay = this.failed(undefined);
        }
        break;
      }
      case "not-modified":
        sink.unchanged();
        delay = this.succeeded(outcome.maxAgeMs);
        break;
      case "failure":
        sink.failed(outcome.error);
        delay = this.failed(outcome.retryAfterMs);
        break;
      default:
        return absurd(outcome);
    }
    this.nextDelayMs = delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delay);
  }

  private succeeded(maxAge: number | undefined): number {
    this.failures = 0;
    return Math.max(this.intervalMs, maxAge ?? 0);
  }

  private failed(retryAfter: number | undefined): number {
    this.failures++;
    const cap = Math.max(this.options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, this.intervalMs);
    return Math.min(cap, Math.max(backoffDelay(this.failures, this.intervalMs, cap), retryAfter ?? 0));
  }

  /**
   * One check: a GET of the configured URL, following redirects (each hop under the same
   * deadline). The validators of the last loaded bundle are sent only to the URL that bundle came
   * from, so a redirect to a new location fetches it whole.
   */
  private fetchOnce(): Promise<Outcome> {
    const fail = (message: string, cause?: unknown, retryAfter?: number): Outcome => ({
      __type: "failure",
      error: new SourceError(this.name, message, cause),
      retryAfterMs: retryAfter,
    });
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // start() gave the sink before the first poll; the defaults only keep the type honest.
    const limit = byteLimit(this.sink?.limits ?? DEFAULT_LIMITS, this.options.maxBytes);
    const maxRedirects = this.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const chain: URL[] = [this.url];

    return new Promise<Outcome>((resolveOutcome) => {
      let settled = false;
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        this.request = undefined;
        resolveOutcome(outcome);
      };
      const hop = (url: URL) => {
        const request = (url.protocol === "https:" ? https.request : http.request)(url, { method: "GET", headers: this.headersFor(url), agent: this.agentFor(url) }, (response) => {
          const status = response.statusCode ?? 0;
          if (!REDIRECTS.has(status)) {
            void this.readResponse(response, limit, url).then(
              (outcome) => settle(outcome),
              (e: unknown) => settle(fail(`the body was cut short (${(e as Error).message})`, e)),
            );
            return;
          }
          response.resume();
          const next = this.redirectTarget(chain, headerOf(response, "location"), status, maxRedirects);
          if (typeof next === "string") return settle(fail(next));
          chain.push(next);
          if (!settled) hop(next);
        });
        this.request = request;
        request.on("error", (e) => settle(fail(`request failed${url === this.url ? "" : ` (at ${url.href})`}: ${e.message}`, e)));
        request.end();
      };
      const deadline = setTimeout(() => {
        // Taken before settle() forgets it: a hung request left alive would hold the agent's only
        // socket, and every later check would queue behind it until the source was closed.
        const hung = this.request;
        settle(fail(`no complete response within ${timeoutMs} ms${chain.length > 1 ? ` (following redirects to ${chain.at(-1)!.href})` : ""}`));
        hung?.destroy();
      }, timeoutMs);
      hop(this.url);
    });
  }

  /** The next URL of a redirect, or why it is refused. */
  private redirectTarget(chain: readonly URL[], location: string | undefined, status: number, maxRedirects: number): URL | string {
    const from = chain.at(-1)!;
    const path = () => chain.map((u) => u.href).join(" → ");
    if (location === undefined || location === "") return `HTTP ${status} redirect from ${from.href} without a Location header`;
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      return `HTTP ${status} redirect from ${from.href} to an invalid URL ${JSON.stringify(location)}`;
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") return `redirect from ${from.href} to ${JSON.stringify(next.href)} refused: only http: and https: URLs are followed`;
    if (from.protocol === "https:" && next.protocol === "http:") return `redirect from ${from.href} to ${next.href} refused: it would drop HTTPS`;
    next.hash = "";
    if (chain.some((u) => u.href === next.href)) return `redirect loop: ${path()} → ${next.href}`;
    if (chain.length > maxRedirects) return `more than ${maxRedirects} redirects (${path()} → ${next.href}); raise maxRedirects or point the URL at the final location`;
    return next;
  }

  /**
   * The request headers for one hop: the conditional ones only where the last loaded bundle came
   * from; `Authorization` and `Cookie` only on the configured URL's origin (as browsers and curl
   * do), so a redirect never hands credentials to another host.
   */
  private headersFor(url: URL): Record<string, string> {
    const headers: Record<string, string> = { accept: "application/json", "accept-encoding": "gzip" };
    const sameOrigin = url.origin === this.url.origin;
    for (const [name, value] of Object.entries(this.options.headers ?? {})) {
      const lower = name.toLowerCase();
      if (!sameOrigin && (lower === "authorization" || lower === "cookie")) continue;
      headers[lower] = value;
    }
    const validators = this.validators;
    if (validators !== undefined && validators.url === url.href) {
      if (validators.etag !== undefined) headers["if-none-match"] = validators.etag;
      else if (validators.lastModified !== undefined) headers["if-modified-since"] = validators.lastModified;
    }
    return headers;
  }

  /** One kept-alive agent per protocol, created on first use and destroyed on close. */
  private agentFor(url: URL): http.Agent {
    let agent = this.agents.get(url.protocol);
    if (agent === undefined) {
      // One connection per host: polling reuses it.
      const agentOptions = { keepAlive: true, maxSockets: 1 };
      agent = url.protocol === "https:" ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
      this.agents.set(url.protocol, agent);
    }
    return agent;
  }

  private async readResponse(response: http.IncomingMessage, limit: ByteLimit, url: URL): Promise<Outcome> {
    const status = response.statusCode ?? 0;
    const maxAge = maxAgeMs(headerOf(response, "cache-control"));
    if (status === 304) {
      response.resume();
      return { __type: "not-modified", maxAgeMs: maxAge };
    }
    if (status !== 200) {
      response.resume();
      const retryAfter = status === 429 || status === 503 ? retryAfterMs(headerOf(response, "retry-after"), Date.now()) : undefined;
      return { __type: "failure", error: new SourceError(this.name, `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""} (keeping the last good bundle)`), retryAfterMs: retryAfter };
    }
    const declared = headerOf(response, "content-length");
    if (declared !== undefined && Number(declared) > limit.bytes && headerOf(response, "content-encoding") === undefined) {
      response.destroy();
      return { __type: "failure", error: new SourceError(this.name, `the body is larger than ${limit.bytes} bytes (Content-Length: ${declared}); ${limit.named}`), retryAfterMs: undefined };
    }
    const encoding = headerOf(response, "content-encoding");
    if (encoding !== undefined && encoding !== "gzip" && encoding !== "identity") {
      response.destroy();
      return { __type: "failure", error: new SourceError(this.name, `unsupported Content-Encoding ${JSON.stringify(encoding)}`), retryAfterMs: undefined };
    }
    const body: Readable = encoding === "gzip" ? response.pipe(createGunzip()) : response;
    if (body !== response) response.on("error", (e) => body.destroy(e));
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > limit.bytes) {
        response.destroy();
        return { __type: "failure", error: new SourceError(this.name, `the body is larger than ${limit.bytes} bytes (download cut off); ${limit.named}`), retryAfterMs: undefined };
      }
      chunks.push(chunk as Buffer);
    }
    // A connection closed before Content-Length (or the last chunk) arrived ends the stream early.
    if (!response.complete) {
      return { __type: "failure", error: new SourceError(this.name, "the body was cut short (connection closed before the end)"), retryAfterMs: undefined };
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      return { __type: "failure", error: new SourceError(this.name, "the body is not valid UTF-8"), retryAfterMs: undefined };
    }
    return { __type: "body", text, url: url.href, etag: headerOf(response, "etag"), lastModified: headerOf(response, "last-modified"), maxAgeMs: maxAge };
  }
}

function headerOf(response: http.IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
