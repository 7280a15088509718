import type { NodeSchema } from "../../schema/types";
import { ordering, orderingSchema } from "./shapes/ordering";

/** `comparison.lt`: attribute < value; false unless both are numbers. */
export const lt = ordering("comparison.lt", (attribute, bound) => attribute < bound);

/** The JSON Schema of `comparison.lt` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const ltSchema = (): NodeSchema => orderingSchema("attribute < value; false unless both are numbers.");
