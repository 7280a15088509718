import * as E from "fp-ts/Either";
import { BundleDecodeError } from "./bundle-error";
import type { BundleInfo, FeatureStore } from "./store";

/*
 * Environments are build-time constants: `gen` writes one bundle per declared environment
 * (`generated/bundles/<env>.json`) with every environment condition folded away, and each bundle
 * names its environment. A process runs in one environment, told once: the generated feature
 * store reads it from this variable when it loads, or the application calls its `useEnvironment`.
 */

/** The environment variable that names a process's environment (`environment()` in rules reads it too). */
export const ENVIRONMENT_VARIABLE = "OFFLINE_FEATURES_ENV";

/** The generated bundles of a project, by environment: the JSON and where it came from (for messages). */
export type EmbeddedBundles = Readonly<Record<string, { readonly bundle: unknown; readonly source: string }>>;

/** What {@link loadEnvironment} is told: an explicit environment, or one to use when the variable is unset. */
export interface EnvironmentChoice {
  /** The environment to serve; overrides the variable. */
  readonly name?: string;
  /** Served when neither `name` nor the variable is set (the project's declared default). */
  readonly fallback?: string;
}

function list(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(", ");
}

/**
 * Loads the embedded bundle of the chosen environment into `store` with
 * {@link FeatureStore.useEnvironment}. The choice is `choice.name`, else `$OFFLINE_FEATURES_ENV`,
 * else `choice.fallback`. Never throws: an unset or undeclared environment is a `Left` that names
 * the declared ones, and the store keeps what it had (generated getters then answer their defaults
 * with reason `ERROR`). A typo never falls back to another environment's rules.
 */
export function loadEnvironment(store: FeatureStore, bundles: EmbeddedBundles, choice: EnvironmentChoice = {}): E.Either<BundleDecodeError, BundleInfo> {
  const declared = Object.keys(bundles);
  const fromVariable = process.env[ENVIRONMENT_VARIABLE];
  const name = choice.name ?? (fromVariable === undefined || fromVariable === "" ? choice.fallback : fromVariable);
  const refuse = (message: string) => E.left(new BundleDecodeError([{ path: "", message }], ENVIRONMENT_VARIABLE));
  if (name === undefined) return refuse(`${ENVIRONMENT_VARIABLE} is not set; set it to one of ${list(declared)} (the environments the features declare)`);
  if (!Object.prototype.hasOwnProperty.call(bundles, name)) {
    const said = choice.name !== undefined ? "the environment asked for" : `${ENVIRONMENT_VARIABLE}`;
    return refuse(`${said} is ${JSON.stringify(name)}, which is not a declared environment; expected one of ${list(declared)}`);
  }
  const embedded = bundles[name]!;
  return store.useEnvironment(name, embedded.bundle, embedded.source);
}
