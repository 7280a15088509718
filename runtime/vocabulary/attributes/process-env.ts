import * as t from "io-ts";
import { EnvNameC } from "../../model/fields";
import { node } from "../../decode/tagged-union";
import { ref, type NodeSchema } from "../../schema/types";
import type { AttributeDescriptor } from "../types";

const tag = "process.env";

/** The value of environment variable `name`, read once when the feature loads. */
export interface EnvNode {
  readonly __type: typeof tag;
  readonly name: string;
}

/**
 * `process.env`: the variable's value, read once when the feature loads (deploy-time
 * configuration does not change under a running process, and reading `process.env` is slow).
 * An unset variable is an `ATTRIBUTE_MISSING` error; a variable set to "" is the empty string.
 */
export const env: AttributeDescriptor<EnvNode, "string", undefined> = {
  tag,
  codec: node(tag, { __type: t.literal(tag), name: EnvNameC }),
  processConstant: true,
  readAtLoad: true,
  yields: "string",
  compile: ({ name }, scope) => {
    const value = process.env[name];
    const result = value ?? scope.error("ATTRIBUTE_MISSING", `environment variable ${name} is not set`);
    return () => result;
  },
};

/** The JSON Schema of `process.env` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const envSchema = (): NodeSchema => ({ description: "An environment variable, read once at load.", properties: { name: ref("envName") }, required: ["name"] });
