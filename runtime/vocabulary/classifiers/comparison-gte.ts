import type { NodeSchema } from "../../schema/types";
import { ordering, orderingSchema } from "./shapes/ordering";

/** `comparison.gte`: attribute >= value; false unless both are numbers. */
export const gte = ordering("comparison.gte", (attribute, bound) => attribute >= bound);

/** The JSON Schema of `comparison.gte` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const gteSchema = (): NodeSchema => orderingSchema("attribute >= value; false unless both are numbers.");
