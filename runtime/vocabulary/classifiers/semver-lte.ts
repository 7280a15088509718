import type { NodeSchema } from "../../schema/types";
import { versionOrder, versionOrderSchema } from "./shapes/version-order";

/** `semver.lte`: version <= value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverLte = versionOrder("semver.lte", (order) => order <= 0);

/** The JSON Schema of `semver.lte` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const semverLteSchema = (): NodeSchema => versionOrderSchema("version <= value");
