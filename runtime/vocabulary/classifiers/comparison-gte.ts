import { ordering } from "./shapes/ordering";

/** `comparison.gte`: attribute >= value; false unless both are numbers. */
export const gte = ordering("comparison.gte", "attribute >= value; false unless both are numbers.", (attribute, bound) => attribute >= bound);
