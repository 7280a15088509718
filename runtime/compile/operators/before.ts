import type { ClassifierOf } from "../../model/classifier";
import { instantOrder } from "./instant-order";

/** `time.before`: the time attribute is strictly earlier than the instant. */
export const before = instantOrder<ClassifierOf<"time.before">>((at, instant) => at < instant);
