import { featureJsonSchema } from "../../runtime/schema";

/** `schema`: the JSON Schema of the feature format, as text. */
export function schemaText(): string {
  return JSON.stringify(featureJsonSchema(), null, 2);
}
