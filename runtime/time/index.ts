/** Instants for time-based rules. */
export { parseInstant, instantProblem } from "./instant";
