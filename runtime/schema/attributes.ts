import type { AttributeTag } from "../model/attribute";
import { attributeDescriptors } from "../vocabulary/attributes";
import { mapByTag } from "../vocabulary/by-tag";
import type { NodeSchema } from "./types";
import { staticNumberSchema } from "../vocabulary/attributes/static-number";
import { hostnameSchema } from "../vocabulary/attributes/socket-hostname";
import { sessionRandomSchema } from "../vocabulary/attributes/random-session";
import { errorAttributeSchema } from "../vocabulary/attributes/error";
import { contextStringSchema } from "../vocabulary/attributes/context-string";
import { contextNumberSchema } from "../vocabulary/attributes/context-number";
import { contextBooleanSchema } from "../vocabulary/attributes/context-boolean";
import { contextVersionSchema } from "../vocabulary/attributes/context-version";
import { contextTimestampSchema } from "../vocabulary/attributes/context-timestamp";
import { envSchema } from "../vocabulary/attributes/process-env";
import { platformSchema } from "../vocabulary/attributes/process-platform";
import { nodeVersionSchema } from "../vocabulary/attributes/process-node-version";
import { nowSchema } from "../vocabulary/attributes/time-now";
import { unitRandomSchema } from "../vocabulary/attributes/random-unit";

/**
 * Each attribute tag's schema thunk, from its file in runtime/vocabulary/attributes/ (beside its descriptor,
 * not in it: see runtime/vocabulary/types.ts). Typed by tag, so a new tag asks for its schema here.
 */
const schemaOf: { readonly [K in AttributeTag]: () => NodeSchema } = {
  "static.number": staticNumberSchema,
  "socket.hostname": hostnameSchema,
  "random.session": sessionRandomSchema,
  "error": errorAttributeSchema,
  "context.string": contextStringSchema,
  "context.number": contextNumberSchema,
  "context.boolean": contextBooleanSchema,
  "context.version": contextVersionSchema,
  "context.timestamp": contextTimestampSchema,
  "process.env": envSchema,
  "process.platform": platformSchema,
  "process.node_version": nodeVersionSchema,
  "time.now": nowSchema,
  "random.unit": unitRandomSchema,
};

/**
 * Every attribute tag's schema, in the descriptor list's order. Marked pure, so that a bundler drops
 * it (and every schema thunk with it) from an app that imports the runtime but never the schema.
 */
export const attributeSchemas: { readonly [K in AttributeTag]: NodeSchema } = /* @__PURE__ */ mapByTag(attributeDescriptors, (d) => schemaOf[d.tag]());
