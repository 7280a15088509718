import type { AttributeTag } from "../model/attribute";
import { attributeDescriptors } from "../vocabulary/attributes";
import { mapByTag } from "../vocabulary/by-tag";
import type { NodeSchema } from "./types";

/** Every attribute tag's schema, from its descriptor (runtime/vocabulary/attributes/). */
export const attributeSchemas: { readonly [K in AttributeTag]: NodeSchema } = mapByTag(attributeDescriptors, (d) => d.schema);
