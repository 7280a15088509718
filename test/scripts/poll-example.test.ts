import * as E from "fp-ts/Either";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeBundle, encodeBundle, type FeatureModel } from "../../runtime";
import { serveBundle } from "../../scripts/serve-bundle";
import { startPolling } from "../../scripts/poll-example";
import { tempFolder } from "../runtime/sources/support";

/** The README's two commands, run in-process: the bundle server and the polling app. */
test("the polling example serves the bundle's answers, then picks up a changed bundle from the server", async () => {
  const folder = tempFolder("poll-example");
  const file = join(folder.path, "features.json");
  const generated = readFileSync(join(__dirname, "..", "fixtures", "sample", "generated", "features.json"), "utf8");
  writeFileSync(file, generated);
  const server = await serveBundle(file, 0);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const log = (line: string) => {
    lines.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) w.resolve();
  };
  const logged = (pattern: RegExp) => new Promise<void>((resolve) => (lines.some((l) => pattern.test(l)) ? resolve() : waiters.push({ pattern, resolve })));
  const app = await startPolling(server.url, log, { intervalMs: 20, backupPath: join(folder.path, "backup.json") });
  try {
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ready: sha256:.* from ${server.url.replace(/[.]/g, "\\.")}$`)));
    expect(lines).toContainEqual(expect.stringMatching(/welcome for FR: Bienvenue$/));

    // Edit the bundle as a new `gen` would: the app sees it on its next poll.
    const decoded = decodeBundle(generated);
    if (E.isLeft(decoded)) throw decoded.left;
    const welcome = decoded.right.features.welcome!;
    const edited: FeatureModel = { ...welcome, buckets: welcome.buckets.map((b, i) => (i === 0 ? { ...b, value: { text: "Salut", color: "blue" } } : b)) };
    writeFileSync(file, JSON.stringify(encodeBundle({ ...decoded.right.features, welcome: edited })));
    await logged(/changed: welcome$/);
    await logged(/welcome for FR: Salut$/);
  } finally {
    await app.stop();
    await server.close();
    folder.remove();
  }
});
