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
}

const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BACKOFF_MS = 300_000;

/** An HTTP source, which also tells when it will look next (for diagnostics and tests). */
export interface HttpBundleSource extends BundleSource {
  /** The delay before the next check, as last scheduled (after interval, max-age, backoff and jitter). */
  readonly nextDelayMs: number | undefined;
}

/** What one request came to. */
type Outcome =
  | { readonly __type: "body"; readonly text: string; readonly etag: string | undefined; readonly lastModified: string | undefined; readonly maxAgeMs: number | undefined }
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
 * Redirects are not followed: point the URL at the final location.
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
  private readonly agent: http.Agent;
  private timer: NodeJS.Timeout | undefined;
  private request: http.ClientRequest | undefined;
  private closed = false;
  private failures = 0;
  nextDelayMs: number | undefined;
  private etag: string | undefined;
  private lastModified: string | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly url: URL,
    private readonly options: HttpSourceOptions,
  ) {
    this.name = url.href;
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    // One kept-alive connection per source, destroyed on close: polling reuses it.
    const agentOptions = { keepAlive: true, maxSockets: 1 };
    this.agent = url.protocol === "https:" ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
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
    this.agent.destroy();
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
          this.etag = outcome.etag;
          this.lastModified = outcome.lastModified;
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

  private fetchOnce(): Promise<Outcome> {
    const fail = (message: string, cause?: unknown, retryAfter?: number): Outcome => ({
      __type: "failure",
      error: new SourceError(this.name, message, cause),
      retryAfterMs: retryAfter,
    });
    const headers: Record<string, string> = { accept: "application/json", "accept-encoding": "gzip", ...this.options.headers };
    if (this.etag !== undefined) headers["if-none-match"] = this.etag;
    else if (this.lastModified !== undefined) headers["if-modified-since"] = this.lastModified;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // start() gave the sink before the first poll; the defaults only keep the type honest.
    const limit = byteLimit(this.sink?.limits ?? DEFAULT_LIMITS, this.options.maxBytes);
    const get = this.url.protocol === "https:" ? https.request : http.request;

    return new Promise<Outcome>((resolveOutcome) => {
      let settled = false;
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        this.request = undefined;
        resolveOutcome(outcome);
      };
      const request = get(this.url, { method: "GET", headers, agent: this.agent }, (response) => {
        void this.readResponse(response, limit).then(
          (outcome) => settle(outcome),
          (e: unknown) => settle(fail(`the body was cut short (${(e as Error).message})`, e)),
        );
      });
      this.request = request;
      const deadline = setTimeout(() => {
        settle(fail(`no complete response within ${timeoutMs} ms`));
        request.destroy();
      }, timeoutMs);
      request.on("error", (e) => settle(fail(`request failed: ${e.message}`, e)));
      request.end();
    });
  }

  private async readResponse(response: http.IncomingMessage, limit: ByteLimit): Promise<Outcome> {
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
    return { __type: "body", text, etag: headerOf(response, "etag"), lastModified: headerOf(response, "last-modified"), maxAgeMs: maxAge };
  }
}

function headerOf(response: http.IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
