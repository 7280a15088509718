/** SemVer 2.0.0 parsing and precedence for version-targeting rules, and npm-style ranges for `node_versions`. */
export { parseSemVer, MAX_SEMVER_LENGTH } from "./parse";
export type { SemVer } from "./parse";
export { compareSemVer } from "./compare";
export { parseRange, rangeProblem, satisfies, MAX_RANGE_LENGTH, type SemVerRange, type Comparator } from "./range";
export { readRelease, releaseScratch, type ReleaseScratch } from "./release";
