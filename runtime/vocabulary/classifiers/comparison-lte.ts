import type { NodeSchema } from "../../schema/types";
import { ordering, orderingSchema } from "./shapes/ordering";

/** `comparison.lte`: attribute <= value; false unless both are numbers. */
export const lte = ordering("comparison.lte", (attribute, bound) => attribute <= bound);

/** The JSON Schema of `comparison.lte` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const lteSchema = (): NodeSchema => orderingSchema("attribute <= value; false unless both are numbers.");
