import type { NodeSchema } from "../../schema/types";
import { membership, membershipSchema } from "./shapes/membership";

/**
 * `comparison.notin`: the attribute is a string, number or boolean that is none of the listed
 * ones; the exact negation of `comparison.in` for those (so an empty list is always true).
 */
export const noneOf = membership("comparison.notin", true);

/** The JSON Schema of `comparison.notin` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const noneOfSchema = (): NodeSchema => membershipSchema("attribute is a scalar that is none of the listed ones.");
