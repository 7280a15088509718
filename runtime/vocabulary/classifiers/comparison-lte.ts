import { ordering } from "./shapes/ordering";

/** `comparison.lte`: attribute <= value; false unless both are numbers. */
export const lte = ordering("comparison.lte", "attribute <= value; false unless both are numbers.", (attribute, bound) => attribute <= bound);
