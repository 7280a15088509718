/** The `$id` of the feature format's JSON Schema; also how the generator recognizes generated/schema.json as its own. */
export const FEATURE_SCHEMA_ID = "urn:offline-features:feature";
