/**
 * Lint rules run by the generator (`offline-features lint`, `npm run gen`) over feature files.
 */
export { findRedosRisk } from "./redos";
export type { RedosRisk } from "./redos";
