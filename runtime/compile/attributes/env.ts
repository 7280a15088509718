import type { AttributeOf } from "../../model/attribute";
import type { AttributeDefinition } from "../types";

/**
 * `process.env`: the variable's value, read once when the feature loads (deploy-time
 * configuration does not change under a running process, and reading `process.env` is slow).
 * An unset variable is an `ATTRIBUTE_MISSING` error; a variable set to "" is the empty string.
 */
export const env: AttributeDefinition<AttributeOf<"process.env">> = {
  processConstant: true,
  compile: ({ name }, scope) => {
    const value = process.env[name];
    const result = value ?? scope.error("ATTRIBUTE_MISSING", `environment variable ${name} is not set`);
    return () => result;
  },
};
