import type { ClassifierOf } from "../../model/classifier";
import { ordering } from "./ordering";

/** `comparison.gte`: attribute >= value; false unless both are numbers. */
export const gte = ordering<ClassifierOf<"comparison.gte">>((attribute, bound) => attribute >= bound);
