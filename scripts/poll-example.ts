/**
 * An application that takes its features from a bundle polled over HTTP: the generated getters,
 * fed by `httpSource`, with a backup file for restarts while the host is down. Prints the answers
 * at start and again after every change; Ctrl-C closes the store and exits.
 *
 *   npx ts-node --transpile-only scripts/poll-example.ts [URL=http://127.0.0.1:8080/features.json]
 */
import { join } from "node:path";
import { connect, httpSource } from "../runtime";
import { getTestDetails, getWelcome, store } from "../generated";

/** Connects the generated store to `url` and reports through `log`; resolves once it is ready. */
export async function startPolling(
  url: string,
  log: (line: string) => void,
  { intervalMs = 2_000, backupPath = join(__dirname, "..", ".offline-features-cache", "features.backup.json") } = {},
): Promise<{ stop: () => Promise<void> }> {
  connect(store, httpSource(url, { intervalMs, timeoutMs: 5_000 }), { backupPath, staleAfterMs: 10 * intervalMs });
  const report = () => {
    const test = getTestDetails();
    log(`test: ${JSON.stringify(test.value)} (${test.reason}); welcome for FR: ${getWelcome({ country: "FR", age: 30, newsletter: false }).text}`);
  };
  store.onChange((change) => {
    log(`bundle ${change.hash.slice(0, 15)}… changed: ${change.keys.join(", ")}`);
    report();
  });
  store.onHealth((health) => log(health.__type === "failing" ? `source failing, keeping the last good bundle: ${health.error.message}` : `source ${health.__type}`));
  await store.ready(10_000);
  const { hash, loadedFrom } = store.status();
  log(`ready: ${hash?.slice(0, 15)}… from ${loadedFrom}`);
  report();
  return { stop: () => store.close() };
}

if (require.main === module) {
  const url = process.argv[2] ?? "http://127.0.0.1:8080/features.json";
  startPolling(url, (line) => console.log(line)).then(
    ({ stop }) => process.once("SIGINT", () => void stop()),
    (e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
      void store.close();
    },
  );
}
