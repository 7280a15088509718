import type { AttributeTag } from "../model/attribute";
import { ref, type NodeSchema } from "./types";

/** Every attribute tag's schema. The type makes a missing tag a compile error. */
export const attributeSchemas: { readonly [K in AttributeTag]: NodeSchema } = {
  "static.number": { description: "A fixed number.", properties: { value: { type: "number" } }, required: ["value"] },
  "socket.hostname": { description: "The machine's hostname; the context's `hostname` overrides it.", properties: {}, required: [] },
  "random.session": {
    description:
      'A uniform number in [0, 1) fixed per session. Without a salt, shared by every feature (PyOF); with one, murmur3(salt + ":" + sessionId) / 2^32.',
    properties: { salt: ref("salt") },
    required: [],
  },
  error: { description: "Always fails to evaluate (for tests).", properties: {}, required: [] },
  "context.string": { description: "A string from the evaluation context.", properties: { name: ref("contextName") }, required: ["name"] },
  "context.number": { description: "A finite number from the evaluation context.", properties: { name: ref("contextName") }, required: ["name"] },
  "context.boolean": { description: "A boolean from the evaluation context.", properties: { name: ref("contextName") }, required: ["name"] },
  "context.version": { description: "A SemVer 2.0 version string from the evaluation context.", properties: { name: ref("contextName") }, required: ["name"] },
  "context.timestamp": {
    description: "An instant from the evaluation context: epoch milliseconds or an RFC 3339 string with a time zone.",
    properties: { name: ref("contextName") },
    required: ["name"],
  },
  "process.env": { description: "An environment variable, read once at load.", properties: { name: ref("envName") }, required: ["name"] },
  "process.platform": { description: "Node's process.platform; the context's `processPlatform` overrides it.", properties: {}, required: [] },
  "process.node_version": { description: "The running Node version; the context's `nodeVersion` overrides it.", properties: {}, required: [] },
  "time.now": { description: "Milliseconds since the epoch, on each evaluation; the context's `now` overrides it.", properties: {}, required: [] },
  "random.unit": {
    description: 'A sticky number in [0, 1): murmur3(salt + ":" + unit) / 2^32. The salt defaults to the feature key; the context\'s `unitRandom` overrides it.',
    properties: { attribute: ref("attribute"), salt: ref("salt") },
    required: ["attribute"],
  },
};
