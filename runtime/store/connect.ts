import { Connection, type ConnectOptions } from "./connection";
import type { BundleSource } from "../sources/source";
import type { FeatureStore } from "./store";
import type { OverrideMap } from "./overrides";

/**
 * Makes `store` take bundles from `source` from now on (closing a source connected before): the
 * first check starts at once, and every good bundle replaces the contents atomically; a failed
 * check keeps them. Until the first bundle arrives the store serves what it holds (the embedded
 * bundle, by default), or with `until: "defaults"` nothing, so getters answer their generated
 * defaults with a `PROVIDER_NOT_READY` error. See {@link ConnectOptions} for `backupPath` and
 * `staleAfterMs`. Returns `store`.
 *
 * Like an open server, a connected store keeps the process alive (its watcher or poll timer)
 * until `store.close()`. A function rather than a store method, so that an application that never
 * connects a source bundles none of this (sources, backup file, stale timer).
 */
export function connect<S extends FeatureStore<OverrideMap>>(store: S, source: BundleSource, options: ConnectOptions = {}): S {
  return store.attachConnection((host) => new Connection(source, options, host), options.until);
}
