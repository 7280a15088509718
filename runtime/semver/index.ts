/** SemVer 2.0.0 parsing and precedence for version-targeting rules. */
export { parseSemVer, MAX_SEMVER_LENGTH } from "./parse";
export type { SemVer } from "./parse";
export { compareSemVer } from "./compare";
