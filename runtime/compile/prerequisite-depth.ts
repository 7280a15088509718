/**
 * How deeply prerequisites may nest while evaluating: a feature whose prerequisite has a
 * prerequisite, and so on. Cycles are rejected at load, but a resolver may still hand back a
 * cycle later (a store replacing a feature); the limit turns that into an error instead of a stack
 * overflow. Real dependency chains are a few features deep.
 */
export { MAX_PREREQUISITE_DEPTH } from "../decode/limits";

/**
 * The current nesting, shared by every feature: evaluation is synchronous, so a counter that is
 * raised around each nested evaluation and lowered after it is exact, and costs no allocation.
 */
export const nesting = { depth: 0 };
