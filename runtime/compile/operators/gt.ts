import type { ClassifierOf } from "../../model/classifier";
import { ordering } from "./ordering";

/** `comparison.gt`: attribute > value; false unless both are numbers. */
export const gt = ordering<ClassifierOf<"comparison.gt">>((attribute, bound) => attribute > bound);
