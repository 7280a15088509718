import { ordering } from "./shapes/ordering";

/** `comparison.gt`: attribute > value; false unless both are numbers. */
export const gt = ordering("comparison.gt", "attribute > value; false unless both are numbers.", (attribute, bound) => attribute > bound);
