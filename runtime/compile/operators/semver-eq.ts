import type { ClassifierOf } from "../../model/classifier";
import { versionOrder } from "./version-order";

/** `semver.eq`: version == literal by SemVer 2.0 precedence (prerelease sorts first; build metadata ignored). */
export const semverEq = versionOrder<ClassifierOf<"semver.eq">>((order) => order === 0);
