import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { LoadResult } from "./load-features";
import type { GenOptions } from "../../cli/options";

/**
 * Loads feature files in a worker thread: on a 2-core machine the main thread type-checks with
 * ts-morph meanwhile. Resolves with plain data (features as canonical models, problems as text).
 */
export function loadFeaturesInWorker(options: GenOptions, files: readonly string[]): Promise<LoadResult> {
  const { onProgress, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "worker-thread.js"), { workerData: { options: plain, files } });
    let result: LoadResult | undefined;
    worker.on("message", (message: { progress?: [string, number, number]; result?: LoadResult }) => {
      if (message.progress !== undefined) onProgress?.(...message.progress);
      if (message.result !== undefined) result = message.result;
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`the worker loading feature files stopped (exit code ${code}) without a result`));
    });
  });
}
