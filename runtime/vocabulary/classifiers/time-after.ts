import type { NodeSchema } from "../../schema/types";
import { instantOrder, instantOrderSchema } from "./shapes/instant-order";

/**
 * `time.after`: the time attribute is at or after the instant. Inclusive, so that a launch
 * "after 09:00" is on at 09:00:00.000, and `before(t)` / `after(t)` split time with no gap.
 */
export const after = instantOrder("time.after", (at, instant) => at >= instant);

/** The JSON Schema of `time.after` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const afterSchema = (): NodeSchema => instantOrderSchema("The time attribute is at or after the instant.");
