import type { ClassifierOf } from "../../model/classifier";
import { versionOrder } from "./version-order";

/** `semver.gte`: version >= literal by SemVer 2.0 precedence (prerelease sorts first; build metadata ignored). */
export const semverGte = versionOrder<ClassifierOf<"semver.gte">>((order) => order >= 0);
