import { ENVIRONMENT_VARIABLE } from "../runtime/store/environment";
import type { SourceLocation } from "../runtime/offline-feature";
import type { Attr } from "./attribute";
import { env } from "./process";
import { DefinitionError, callSite } from "./call-site";
import type { Rule } from "./rule";

/*
 * Environments as code. A project declares its environments once, in a file of features/:
 *
 *   export const deployment = environments(["staging", "production"], { default: "staging" });
 *
 * and rules name them: `environment().eq("production")`, or `inEnvironment("staging")`. An
 * environment is a build-time constant: `gen` writes one bundle per environment with these
 * conditions folded to true or false, so a production bundle holds no staging rule.
 */

/** The value `environments(...)` returns; export it from a file in features/ so `gen` finds it. */
export interface EnvironmentDeclaration<E extends string = string> {
  /** How the generator recognizes a declaration among a feature file's exports. */
  readonly kind: typeof DECLARATION_KIND;
  readonly names: readonly E[];
  /** Served when `OFFLINE_FEATURES_ENV` is unset; without it, an unset variable is an error. */
  readonly default: E | undefined;
  readonly source: SourceLocation | undefined;
}

/** The `kind` of an {@link EnvironmentDeclaration}. */
export const DECLARATION_KIND = "offline-features/environments";

/** Names that make file names (`generated/bundles/<env>.json`) on every platform. */
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * Declares the project's environments. `default` is served where `OFFLINE_FEATURES_ENV` is unset
 * (development machines, tests); leave it out to make an unset variable an error instead.
 */
export function environments<const E extends string>(names: readonly E[], options: { readonly default?: NoInfer<E> } = {}): EnvironmentDeclaration<E> {
  const source = callSite();
  const fail = (problem: string): never => {
    throw new DefinitionError(problem, { source });
  };
  if (names.length === 0) fail("environments([...]) needs at least one environment");
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== "string" || !NAME.test(name)) fail(`environment name ${JSON.stringify(name)} must look like "production" or "eu-staging" (lower-case letters, digits, - and _, starting with a letter; it names generated/bundles/<name>.json)`);
    if (seen.has(name)) fail(`environment ${JSON.stringify(name)} is declared twice`);
    seen.add(name);
  }
  if (options.default !== undefined && !seen.has(options.default)) fail(`the default environment ${JSON.stringify(options.default)} is not one of the declared ones`);
  return Object.freeze({ kind: DECLARATION_KIND, names: Object.freeze([...names]), default: options.default, source });
}

/**
 * The environment the bundle is generated for: `environment().eq("production")`,
 * `environment().oneOf(["staging", "qa"])`. `gen` folds every comparison on it to true or false
 * per declared environment. Outside `gen` (a feature evaluated straight from the DSL) it reads
 * `OFFLINE_FEATURES_ENV`, which is what the generated store is told its environment by.
 */
export function environment(): Attr<string> {
  return env(ENVIRONMENT_VARIABLE);
}

/** True in the named environments: `inEnvironment("staging", "qa")` is `environment().oneOf(["staging", "qa"])`. */
export function inEnvironment(...names: [string, ...string[]]): Rule {
  return environment().oneOf(names);
}
