import type { ClassifierOf } from "../../model/classifier";
import { versionOrder } from "./version-order";

/** `semver.lt`: version < literal by SemVer 2.0 precedence (prerelease sorts first; build metadata ignored). */
export const semverLt = versionOrder<ClassifierOf<"semver.lt">>((order) => order < 0);
