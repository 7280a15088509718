import type { ClassifierOf } from "../../model/classifier";
import { ordering } from "./ordering";

/** `comparison.lt`: attribute < value; false unless both are numbers. */
export const lt = ordering<ClassifierOf<"comparison.lt">>((attribute, bound) => attribute < bound);
