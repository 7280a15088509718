import { TAG } from "../decode/tagged-union";
import { timeAttributeCodecs, versionAttributeCodecs } from "../model/attribute";
import { attributeSchemas } from "./attributes";
import { classifierSchemas } from "./classifiers";
import { fragments } from "./fragments";
import { settingSchemas } from "../model/feature-fields";
import { ref, type JsonSchema, type JsonSchemaObject, type NodeSchema } from "./types";

import { FEATURE_SCHEMA_ID } from "./id";

export { FEATURE_SCHEMA_ID };

function tagged(tag: string, node: NodeSchema): JsonSchema {
  return {
    type: "object",
    description: node.description,
    properties: { [TAG]: { const: tag }, ...node.properties },
    required: [TAG, ...node.required],
  };
}

/** `{ "oneOf": [refs] }`: exactly one member matches, since each has its own `__type` const. */
const oneOfRefs = (names: readonly string[]): JsonSchema => ({ oneOf: names.map(ref) });

const bucket = (withValue: boolean): JsonSchema => ({
  type: "object",
  properties: { name: { type: "string" }, classifier: ref("classifier"), ...(withValue ? { value: ref("jsonValue") } : {}) },
  required: ["name", "classifier"],
  ...(withValue ? {} : { not: { required: ["value"] } }),
});

/** The top-level fields both forms share; the settings come from the feature field table. Built on call, so an app bundle that never builds the schema holds none of it. */
const commonFields = () => ({
  type: { const: "offline-feature" },
  ...settingSchemas,
  default: ref("jsonValue"),
});

/**
 * A JSON Schema (draft 2020-12) for the whole feature format: both of PyOF's forms, and every
 * classifier and attribute, each a `$defs` entry discriminated by its `__type` const. It is built
 * from the same tag tables as the codecs, so a tag without a schema does not compile. Editors use
 * it to check hand-written JSON; the codec stays the authority (it also checks that regexes
 * compile, that bucket names are unique, …), and accepts nothing the schema refuses.
 *
 * A pure function: the CLI prints it and the generator writes it to `generated/schema.json`.
 */
export function featureJsonSchema(): JsonSchemaObject {
  const common = commonFields();
  const defs: Record<string, JsonSchema> = {};
  for (const [tag, node] of Object.entries(classifierSchemas) as [string, NodeSchema][]) defs[`classifier.${tag}`] = tagged(tag, node);
  for (const [tag, node] of Object.entries(attributeSchemas) as [string, NodeSchema][]) defs[`attribute.${tag}`] = tagged(tag, node);
  const attributeRefs = (tags: readonly string[]) => oneOfRefs(tags.map((tag) => `attribute.${tag}`));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: FEATURE_SCHEMA_ID,
    title: "offline feature",
    description:
      "A feature flag or configuration: ordered buckets, each a classifier and a value, and a default. PyOF-compatible; either a value on every bucket, or PyOF's earlier top-level \"values\" map.",
    oneOf: [ref("currentForm"), ref("earlierForm")],
    $defs: {
      currentForm: {
        type: "object",
        description: "A value on each bucket (a bucket without one gets the default).",
        properties: { ...common, buckets: { type: "array", items: ref("bucket") } },
        required: ["type", "buckets"],
        not: { required: ["values"] },
      },
      earlierForm: {
        type: "object",
        description: 'PyOF\'s earlier form: buckets without values, and a "values" map by bucket name.',
        properties: { ...common, buckets: { type: "array", items: ref("bucketWithoutValue") }, values: { type: "object", additionalProperties: ref("jsonValue") } },
        required: ["type", "buckets", "values"],
      },
      bucket: bucket(true),
      bucketWithoutValue: bucket(false),
      classifier: oneOfRefs(Object.keys(classifierSchemas).map((tag) => `classifier.${tag}`)),
      attribute: attributeRefs(Object.keys(attributeSchemas)),
      versionAttribute: attributeRefs(Object.keys(versionAttributeCodecs)),
      timeAttribute: attributeRefs(Object.keys(timeAttributeCodecs)),
      noneLiteral: { anyOf: [ref("scalar"), { type: "array", items: ref("noneLiteral") }] },
      ...fragments,
      ...defs,
    },
  };
}
