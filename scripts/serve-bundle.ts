/**
 * A static host for a bundle, for trying `httpSource` on one machine: serves FILE at
 * `/features.json` on 127.0.0.1, re-reading it on every request (so a `npm run gen` shows up at
 * once), with an ETag and `Cache-Control: max-age=0`, and answers 304 to a matching If-None-Match.
 * In production any static host, CDN or object store does this job.
 *
 *   npx ts-node --transpile-only scripts/serve-bundle.ts [FILE=generated/features.json] [PORT=8080]
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A running bundle server: its URL and how to stop it. */
export interface BundleServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `file` at `http://127.0.0.1:<port>/features.json` (port 0: any free port). */
export async function serveBundle(file: string, port: number): Promise<BundleServer> {
  const server: Server = createServer((req, res) => {
    if (req.url !== "/features.json") return void res.writeHead(404).end("not found\n");
    readFile(file).then(
      (bytes) => {
        const etag = `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
        const headers = { etag, "cache-control": "max-age=0", "content-type": "application/json" };
        if (req.headers["if-none-match"] === etag) return void res.writeHead(304, headers).end();
        res.writeHead(200, { ...headers, "content-length": String(bytes.length) }).end(bytes);
      },
      (e: Error) => res.writeHead(503).end(`cannot read ${file}: ${e.message}\n`),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/features.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const [file = "generated/features.json", port = "8080"] = process.argv.slice(2);
  void serveBundle(file, Number(port)).then((s) => console.log(`serving ${file} at ${s.url}`));
}
