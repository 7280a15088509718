import type { ClassifierOf } from "../../model/classifier";
import { versionOrder } from "./version-order";

/** `semver.gt`: version > literal by SemVer 2.0 precedence (prerelease sorts first; build metadata ignored). */
export const semverGt = versionOrder<ClassifierOf<"semver.gt">>((order) => order > 0);
