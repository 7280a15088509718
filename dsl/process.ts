import { EnvNameC } from "../runtime/model/attribute";
import type { SemVer } from "../runtime/semver";
import { Attr } from "./attribute";
import { DefinitionError, callSite } from "./call-site";

/*
 * Attributes of the running process: deploy-time facts a rule may target without any request
 * context, such as "on staging" or "on Windows".
 */

/**
 * The environment variable `name` (`process.env`), read once when the feature loads. An unset
 * variable makes the rule an error (the bucket does not match); a variable set to "" is "".
 * `env("DEPLOY_ENV").eq("staging")`.
 */
export function env(name: string): Attr<string> {
  if (!EnvNameC.is(name)) {
    throw new DefinitionError(`environment variable name ${JSON.stringify(name)} must look like "DEPLOY_ENV" (letters, digits and _, not starting with a digit)`, { source: callSite() });
  }
  return new Attr({ __type: "process.env", name });
}

/**
 * Node's `process.platform` ("linux", "darwin", "win32", …); the context's `processPlatform`
 * overrides it. Typed with Node's platform names, so `platform().eq("linx")` does not compile.
 */
export function platform(): Attr<NodeJS.Platform> {
  return new Attr({ __type: "process.platform" });
}

/**
 * The running Node version (`process.node_version`), compared by SemVer precedence:
 * `nodeVersion().ge("22.0.0")`. The context's `nodeVersion` overrides it.
 */
export function nodeVersion(): Attr<SemVer> {
  return new Attr({ __type: "process.node_version" });
}
