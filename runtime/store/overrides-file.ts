import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import * as E from "fp-ts/Either";
import * as t from "io-ts";
import { JsonValueC } from "../model/json";
import { formatIssues, reportIssues } from "../decode/reporter";
import type { OverrideHandle, OverrideMap } from "./overrides";

/** The environment variable naming a local overrides file; nothing is read unless it is set. */
export const OVERRIDES_ENV = "OFFLINE_FEATURES_OVERRIDES";

/** `{ "test": "holdout", "welcome": { "value": { … } } }`: a bucket name, or a value outright. */
const OverridesFileC = t.record(t.string, t.union([t.string, t.strict({ value: JsonValueC })]));

/** Something that takes overrides: a {@link FeatureStore}. */
export interface Overridable {
  override(overrides: OverrideMap): OverrideHandle;
}

/** A loaded overrides file; `close()` stops watching it and lifts its overrides. */
export interface OverridesFile {
  readonly path: string;
  /** Resolves once the first read is done (applied or refused). */
  readonly loaded: Promise<void>;
  /** The last read's problem, if it was refused (the previous overrides stay in force). */
  readonly lastError: string | undefined;
  close(): void;
}

/**
 * Applies a JSON file of overrides to a store, for local development, and re-applies it when it
 * changes (watched like a file source, through its folder, so editors that rename over it are seen).
 * A file that does not parse or decode is refused with its JSON path and the last good overrides
 * stay; a deleted file lifts them.
 */
export function overridesFromFile(store: Overridable, path: string, options: { readonly watch?: boolean; readonly onError?: (message: string) => void } = {}): OverridesFile {
  const absolute = resolve(path);
  let current: OverrideHandle | undefined;
  let lastError: string | undefined;
  let closed = false;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;

  const apply = async (): Promise<void> => {
    let text: string;
    try {
      text = await readFile(absolute, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") {
        current?.restore();
        current = undefined;
        lastError = undefined;
        return;
      }
      return refuse(`cannot read overrides file ${absolute}: ${(e as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return refuse(`overrides file ${absolute} is not JSON: ${(e as Error).message}`);
    }
    const decoded = OverridesFileC.decode(json);
    if (E.isLeft(decoded)) {
      return refuse(`invalid overrides file ${absolute} (expected {"<feature>": "<bucket>" | {"value": …}}):\n${formatIssues(reportIssues(decoded.left))}`);
    }
    if (closed) return;
    const next = store.override(decoded.right);
    current?.restore();
    current = next;
    lastError = undefined;
  };
  const refuse = (message: string) => {
    lastError = message;
    options.onError?.(message);
  };

  const loaded = apply();
  if (options.watch !== false) {
    try {
      watcher = watch(dirname(absolute), (_event, name) => {
        if (name !== null && name !== basename(absolute)) return;
        clearTimeout(timer);
        // Editors write in several steps; read once they are done.
        timer = setTimeout(() => void apply(), 30);
        timer.unref();
      });
      watcher.unref();
    } catch (e) {
      refuse(`cannot watch overrides file ${absolute}: ${(e as Error).message}`);
    }
  }
  return {
    path: absolute,
    loaded,
    get lastError() {
      return lastError;
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      current?.restore();
      current = undefined;
    },
  };
}

/**
 * Applies the overrides file named by `OFFLINE_FEATURES_OVERRIDES`, watched, when the variable is
 * set; otherwise does nothing and reads nothing. Generated stores call it once at start-up.
 */
export function overridesFromEnvironment(store: Overridable, env: NodeJS.ProcessEnv = process.env): OverridesFile | undefined {
  const path = env[OVERRIDES_ENV];
  if (path === undefined || path === "") return undefined;
  return overridesFromFile(store, path, { onError: (message) => console.error(`offline-features: ${message}`) });
}
