import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect, FeatureStore, fileSource, httpSource } from "../../../runtime";
import { bundleOf, flag, tempFolder, TestServer, untilHash } from "./support";

const versions = Array.from({ length: 2 }, (_, i) => bundleOf({ banner: flag(`v${i}`) }));

/** Active handles by kind (timers, sockets, watchers), as Node reports them. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Lets destroyed sockets and closed watchers leave Node's list of active resources. */
const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe("close() releases every watcher, timer and socket", () => {
  test("after many reloads over HTTP and from a watched file, the active resources are those of before", async () => {
    const folder = tempFolder("leaks");
    const server = await TestServer.start();
    await settle();
    const before = resources();
    const path = join(folder.path, "features.json");
    writeFileSync(path, versions[0]!.text);
    // Every check is redirected once, then gets the other version with its own ETag: each poll is a reload.
    let served = 0;
    server.respond = (req, res) => {
      if (req.url === "/features.json") return void res.writeHead(302, { location: "/current.json" }).end();
      const v = versions[served++ % 2]!;
      res.writeHead(200, { etag: `"${served}"`, "content-length": String(Buffer.byteLength(v.text)) }).end(v.text);
    };
    const overHttp = connect(FeatureStore.empty(), httpSource(server.url, { intervalMs: 1 }), { staleAfterMs: 60_000 });
    const fromFile = connect(FeatureStore.empty(), fileSource(path, { watch: true, debounceMs: 1 }), { staleAfterMs: 60_000 });
    try {
      await Promise.all([overHttp.ready(5_000), fromFile.ready(5_000)]);
      let reloads = 0;
      overHttp.onChange(() => reloads++);
      await server.untilMoreRequests(60);
      for (let i = 1; i <= 10; i++) {
        const v = versions[i % 2]!;
        writeFileSync(path, v.text);
        await untilHash(fromFile, v.hash);
      }
      expect(reloads).toBeGreaterThanOrEqual(20);
      // While connected, the count sees the watcher and the stale timers (so the check below can fail).
      const during = resources();
      expect(during.FSEventWrap ?? 0).toBeGreaterThan(before.FSEventWrap ?? 0);
      expect(during.Timeout ?? 0).toBeGreaterThan(before.Timeout ?? 0);
    } finally {
      await Promise.all([overHttp.close(), fromFile.close()]);
      await server.close();
    }
    await settle();
    const after = resources();
    // No kind of resource is more numerous than before (some of jest's own timers may have ended).
    const grown = Object.keys(after).filter((kind) => after[kind]! > (before[kind] ?? 0));
    expect(grown.map((kind) => `${kind}: ${before[kind] ?? 0} -> ${after[kind]}`)).toEqual([]);
    folder.remove();
  });
});
