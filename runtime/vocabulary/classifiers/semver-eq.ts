import type { NodeSchema } from "../../schema/types";
import { versionOrder, versionOrderSchema } from "./shapes/version-order";

/** `semver.eq`: version = value by SemVer 2.0 precedence (a prerelease sorts first; build metadata is ignored). */
export const semverEq = versionOrder("semver.eq", (order) => order === 0);

/** The JSON Schema of `semver.eq` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const semverEqSchema = (): NodeSchema => versionOrderSchema("version = value");
