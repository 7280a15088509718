import type { ClassifierOf } from "../../model/classifier";
import { versionOrder } from "./version-order";

/** `semver.lte`: version <= literal by SemVer 2.0 precedence (prerelease sorts first; build metadata ignored). */
export const semverLte = versionOrder<ClassifierOf<"semver.lte">>((order) => order <= 0);
