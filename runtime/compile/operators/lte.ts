import type { ClassifierOf } from "../../model/classifier";
import { ordering } from "./ordering";

/** `comparison.lte`: attribute <= value; false unless both are numbers. */
export const lte = ordering<ClassifierOf<"comparison.lte">>((attribute, bound) => attribute <= bound);
