import type { NodeSchema } from "../../schema/types";
import { versionOrder, versionOrderSchema } from "./shapes/version-order";

/** `semver.gte`: version >= value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverGte = versionOrder("semver.gte", (order) => order >= 0);

/** The JSON Schema of `semver.gte` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const semverGteSchema = (): NodeSchema => versionOrderSchema("version >= value");
