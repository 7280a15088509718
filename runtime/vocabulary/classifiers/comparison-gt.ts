import type { NodeSchema } from "../../schema/types";
import { ordering, orderingSchema } from "./shapes/ordering";

/** `comparison.gt`: attribute > value; false unless both are numbers. */
export const gt = ordering("comparison.gt", (attribute, bound) => attribute > bound);

/** The JSON Schema of `comparison.gt` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const gtSchema = (): NodeSchema => orderingSchema("attribute > value; false unless both are numbers.");
