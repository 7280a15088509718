/**
 * The authoring DSL: an immutable, chainable builder over the same plain data the JSON encodes.
 *
 * ```ts
 * export const test = feature("test")
 *   .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), true)
 *   .default(false);
 * ```
 */
export { feature, FeatureBuilder, type NewBucketName } from "./feature";
export type { DslError, JsonCheck, JsonArgument, ValueCandidate } from "./type-errors";
export { Rule, c, type Prerequisite } from "./rule";
export { inBucket } from "./prerequisite";
export {
  Attr,
  type Primitive,
  type VersionLiteral,
  lt,
  le,
  gt,
  ge,
  eq,
  ne,
  regex,
  oneOf,
  noneOf,
  startsWith,
  endsWith,
  contains,
  hostname,
  sessionRandom,
  staticNumber,
  errorAttribute,
} from "./attribute";
export { ctx } from "./context";
export { env, platform, nodeVersion } from "./process";
export { environments, environment, inEnvironment, type EnvironmentDeclaration } from "./environment";
export { unitRandom } from "./rollout";
export { now, before, after, type Instant, type InstantLiteral } from "./time";
export { DefinitionError } from "./call-site";
export { spec, type SpecCase, type FeatureSpec } from "./spec";
