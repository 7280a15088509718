import { ordering } from "./shapes/ordering";

/** `comparison.lt`: attribute < value; false unless both are numbers. */
export const lt = ordering("comparison.lt", "attribute < value; false unless both are numbers.", (attribute, bound) => attribute < bound);
