import { statSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FileLoad, LoadResult } from "./load-features";
import type { GenOptions } from "../../cli/options";

/**
 * How long a worker thread waits for the next run before it stops. A process that runs `gen`
 * again soon (`--watch` after an edit, a test suite) skips starting a thread and loading the
 * TypeScript compiler, about 0.5–1 s of CPU a run; an idle thread never keeps the process alive.
 */
const IDLE_MS = 10_000;

/** A started worker thread, with what must stay unchanged for it to serve another run. */
interface LoaderThread {
  readonly worker: Worker;
  /** The thread's own modules outside node_modules (a checkout's sources), with their mtimes. */
  machinery: ReadonlyMap<string, number> | undefined;
  idleTimer: NodeJS.Timeout | undefined;
  dead: boolean;
}

/** The thread waiting for a run, if any (runs in one process are few; one spare is enough). */
let spare: LoaderThread | undefined;

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** Whether the thread's own code is still what is on disk (a library developer may edit it under --watch). */
function current(thread: LoaderThread): boolean {
  if (thread.dead || thread.machinery === undefined) return false;
  for (const [file, mtime] of thread.machinery) if (mtimeOf(file) !== mtime) return false;
  return true;
}

function startThread(): LoaderThread {
  const thread: LoaderThread = { worker: new Worker(join(__dirname, "worker-thread.js")), machinery: undefined, idleTimer: undefined, dead: false };
  thread.worker.on("message", (message: { machinery?: readonly string[] }) => {
    if (message.machinery !== undefined) thread.machinery = new Map(message.machinery.map((file) => [file, mtimeOf(file)]));
  });
  thread.worker.on("exit", () => {
    thread.dead = true;
    if (spare === thread) spare = undefined;
  });
  return thread;
}

function takeThread(): LoaderThread {
  const thread = spare;
  spare = undefined;
  if (thread !== undefined) {
    clearTimeout(thread.idleTimer);
    if (current(thread)) {
      thread.worker.ref();
      return thread;
    }
    void thread.worker.terminate();
  }
  return startThread();
}

function release(thread: LoaderThread): void {
  if (thread.dead) return;
  if (spare !== undefined) void spare.worker.terminate();
  spare = thread;
  thread.worker.unref();
  thread.idleTimer = setTimeout(() => void thread.worker.terminate(), IDLE_MS);
  thread.idleTimer.unref();
}

/** A loader thread of a watch session's own: never lent to other runs, so its module registry holds only the session's modules. */
export interface OwnedLoader {
  /** Stops the thread. */
  close(): void;
}

interface Owner extends OwnedLoader {
  thread: LoaderThread | undefined;
}

/** A thread for a watch session (started on its first run, restarted when the thread's own code changed). */
export function ownLoaderThread(): OwnedLoader {
  const owner: Owner = {
    thread: undefined,
    close() {
      if (owner.thread !== undefined) void owner.thread.worker.terminate();
      owner.thread = undefined;
    },
  };
  return owner;
}

function ownedThread(owner: Owner): LoaderThread {
  const thread = owner.thread;
  if (thread !== undefined && current(thread)) {
    thread.worker.ref();
    return thread;
  }
  if (thread !== undefined) void thread.worker.terminate();
  owner.thread = startThread();
  return owner.thread;
}

/**
 * Loads feature files in a worker thread: on a 2-core machine the main thread type-checks with
 * ts-morph meanwhile. Resolves with plain data (features as canonical models, problems as text).
 * Each run sees a fresh module registry (see worker-thread.js), whether or not the thread is new.
 */
export function loadFeaturesInWorker(options: GenOptions, files: readonly string[]): Promise<LoadResult> {
  return runInThread(options, { files }, (message: { result?: LoadResult }) => message.result);
}

/** What a watch session's run of the worker gave: the loads of the files it ran again. */
export interface ChangedLoad {
  /** Each file run again, with what it gave; the files not listed gave what they gave last time. */
  readonly loads: ReadonlyArray<readonly [string, FileLoad]>;
  /** As {@link LoadResult.loadedModules}. */
  readonly loadedModules: readonly string[];
  /** The module registry the loads came from: the next run names it to keep them. */
  readonly registry: string;
}

/**
 * A watch session's load: in the registry named `registry` (the session's last run's), forgets
 * the `changed` modules and every module requiring them, then runs the feature files no longer
 * registered, and those in `needed` (the session has no load for them). In any other registry
 * (a new thread) every file runs afresh. Runs in the session's own thread (`loader`).
 */
export function loadChangedFeaturesInWorker(
  options: GenOptions,
  files: readonly string[],
  request: { readonly changed: readonly string[]; readonly needed: readonly string[]; readonly registry: string | undefined },
  loader: OwnedLoader,
): Promise<ChangedLoad> {
  return runInThread(options, { files, ...request }, (message: { changedResult?: ChangedLoad }) => message.changedResult, loader as Owner);
}

/** Posts one request to a loader thread and resolves with the answer `pick` finds in its messages. */
function runInThread<T>(options: GenOptions, request: object, pick: (message: never) => T | undefined, owner?: Owner): Promise<T> {
  const { onProgress, ...plain } = options;
  const thread = owner === undefined ? takeThread() : ownedThread(owner);
  const { worker } = thread;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { progress?: [string, number, number] }) => {
      if (message.progress !== undefined) onProgress?.(...message.progress);
      const answer = pick(message as never);
      if (answer !== undefined) {
        settle();
        // An owned thread waits for its session's next run, however long the user takes to edit.
        if (owner === undefined) release(thread);
        else thread.worker.unref();
        resolve(answer);
      }
    };
    const onError = (error: unknown) => {
      settle();
      reject(error);
    };
    // A result too deeply nested for this thread to read back (a rule far past the runtime's
    // depth limit) arrives as a messageerror, not a message: without this the run would wait forever.
    const onMessageError = (error: unknown) => {
      settle();
      void worker.terminate();
      reject(new Error(`the results of loading the feature files could not be read back from the worker thread (${String(error)}); a rule nested far deeper than the runtime's depth limit (at most 1,024 levels) does this`));
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`the worker loading feature files stopped (exit code ${code}) without a result`));
    };
    const settle = () => {
      worker.off("message", onMessage);
      worker.off("messageerror", onMessageError);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("messageerror", onMessageError);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ options: plain, ...request });
  });
}
