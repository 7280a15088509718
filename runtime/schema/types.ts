/** A JSON Schema object (draft 2020-12) as plain data. */
export type JsonSchemaObject = { readonly [keyword: string]: unknown };
/** A JSON Schema: an object, or `true` / `false` (accept / refuse everything). */
export type JsonSchema = boolean | JsonSchemaObject;

/**
 * The schema of one tagged node, minus its `__type`, which the generator adds as a `const`: the
 * fields it has, which of them are required, and what it means (shown by editors on hover).
 */
export interface NodeSchema {
  readonly description: string;
  readonly properties: { readonly [field: string]: JsonSchema };
  readonly required: readonly string[];
}

/** A reference to a definition of the generated schema. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/$defs/${name}` };
}
