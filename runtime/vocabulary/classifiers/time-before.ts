import { instantOrder } from "./shapes/instant-order";

/** `time.before`: the time attribute is strictly earlier than the instant. */
export const before = instantOrder("time.before", "The time attribute is strictly before the instant.", (at, instant) => at < instant);
