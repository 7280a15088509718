import { versionOrder } from "./shapes/version-order";

/** `semver.gte`: version >= value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverGte = versionOrder("semver.gte", "version >= value", (order) => order >= 0);
