import type { NodeSchema } from "../../schema/types";
import { versionOrder, versionOrderSchema } from "./shapes/version-order";

/** `semver.lt`: version < value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverLt = versionOrder("semver.lt", (order) => order < 0);

/** The JSON Schema of `semver.lt` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const semverLtSchema = (): NodeSchema => versionOrderSchema("version < value");
