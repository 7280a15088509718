import { versionOrder } from "./shapes/version-order";

/** `semver.eq`: version = value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverEq = versionOrder("semver.eq", "version = value", (order) => order === 0);
