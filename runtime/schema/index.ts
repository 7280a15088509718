/** The JSON Schema of the feature format, generated from the same tag tables as the codecs. */
export { featureJsonSchema, FEATURE_SCHEMA_ID } from "./feature-schema";
export { attributeSchemas } from "./attributes";
export { classifierSchemas } from "./classifiers";
export type { JsonSchema, JsonSchemaObject, NodeSchema } from "./types";
