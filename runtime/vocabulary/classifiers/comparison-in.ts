import type { NodeSchema } from "../../schema/types";
import { membership, membershipSchema } from "./shapes/membership";

/** `comparison.in`: the attribute is one of the listed scalars (same type, no coercion); compiled to a `Set`. */
export const oneOf = membership("comparison.in", false);

/** The JSON Schema of `comparison.in` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const oneOfSchema = (): NodeSchema => membershipSchema("attribute is one of the listed scalars (no coercion).");
