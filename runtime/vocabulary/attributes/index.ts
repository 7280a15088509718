import { staticNumber } from "./static-number";
import { hostname } from "./socket-hostname";
import { sessionRandom } from "./random-session";
import { errorAttribute } from "./error";
import { contextString } from "./context-string";
import { contextNumber } from "./context-number";
import { contextBoolean } from "./context-boolean";
import { contextVersion } from "./context-version";
import { contextTimestamp } from "./context-timestamp";
import { env } from "./process-env";
import { platform } from "./process-platform";
import { nodeVersion } from "./process-node-version";
import { now } from "./time-now";
import { unitRandom } from "./random-unit";

/**
 * Every attribute, one descriptor per tag, in the order the schema lists them. Adding a tag is
 * adding its descriptor here; the codec union, the getters, the schema, the walker, the
 * version/time subsets and the context types are built from this list.
 */
export const attributeDescriptors = [
  staticNumber,
  hostname,
  sessionRandom,
  errorAttribute,
  contextString,
  contextNumber,
  contextBoolean,
  contextVersion,
  contextTimestamp,
  env,
  platform,
  nodeVersion,
  now,
  unitRandom,
] as const;

export type { UnitRandomNode } from "./random-unit";
export type { SessionRandomNode } from "./random-session";
export type { StaticNumberNode } from "./static-number";
export type { EnvNode } from "./process-env";
export type { ContextNode } from "./shapes/context";
export type { BareNode } from "./shapes/bare";
