import { versionOrder } from "./shapes/version-order";

/** `semver.gt`: version > value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverGt = versionOrder("semver.gt", "version > value", (order) => order > 0);
