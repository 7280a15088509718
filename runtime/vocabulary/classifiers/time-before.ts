import type { NodeSchema } from "../../schema/types";
import { instantOrder, instantOrderSchema } from "./shapes/instant-order";

/** `time.before`: the time attribute is strictly earlier than the instant. */
export const before = instantOrder("time.before", (at, instant) => at < instant);

/** The JSON Schema of `time.before` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const beforeSchema = (): NodeSchema => instantOrderSchema("The time attribute is strictly before the instant.");
