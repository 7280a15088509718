import { versionOrder } from "./shapes/version-order";

/** `semver.lte`: version <= value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverLte = versionOrder("semver.lte", "version <= value", (order) => order <= 0);
