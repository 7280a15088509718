import { versionOrder } from "./shapes/version-order";

/** `semver.lt`: version < value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverLt = versionOrder("semver.lt", "version < value", (order) => order < 0);
