import type { NodeSchema } from "../../schema/types";
import { versionOrder, versionOrderSchema } from "./shapes/version-order";

/** `semver.gt`: version > value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverGt = versionOrder("semver.gt", (order) => order > 0);

/** The JSON Schema of `semver.gt` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const semverGtSchema = (): NodeSchema => versionOrderSchema("version > value");
