import { instantOrder } from "./shapes/instant-order";

/**
 * `time.after`: the time attribute is at or after the instant. Inclusive, so that a launch
 * "after 09:00" is on at 09:00:00.000, and `before(t)` / `after(t)` split time with no gap.
 */
export const after = instantOrder("time.after", "The time attribute is at or after the instant.", (at, instant) => at >= instant);
