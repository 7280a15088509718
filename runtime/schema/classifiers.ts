import type { ClassifierTag } from "../model/classifier";
import { classifierDescriptors } from "../vocabulary/classifiers";
import { mapByTag } from "../vocabulary/by-tag";
import type { NodeSchema } from "./types";

/** Every classifier tag's schema, from its descriptor (runtime/vocabulary/classifiers/). */
export const classifierSchemas: { readonly [K in ClassifierTag]: NodeSchema } = mapByTag(classifierDescriptors, (d) => d.schema);
