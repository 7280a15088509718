import { membership } from "./shapes/membership";

/**
 * `comparison.notin`: the attribute is a string, number or boolean that is none of the listed
 * ones; the exact negation of `comparison.in` for those (so an empty list is always true).
 */
export const noneOf = membership("comparison.notin", "attribute is a scalar that is none of the listed ones.", true);
