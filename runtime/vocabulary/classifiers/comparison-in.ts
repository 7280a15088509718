import { membership } from "./shapes/membership";

/** `comparison.in`: the attribute is one of the listed scalars (same type, no coercion); compiled to a `Set`. */
export const oneOf = membership("comparison.in", "attribute is one of the listed scalars (no coercion).", false);
