import type { Attribute, AttributeOf } from "../../../runtime/model/attribute";
import type { AttributeView } from "../types";
import { ENVIRONMENT_VARIABLE } from "../../../runtime/store/environment";

/** How codegen reads, writes and analyses `process.env`. */
export const env: AttributeView<AttributeOf<"process.env">> = {
  tag: "process.env",
  describe: (node) => (node.name === ENVIRONMENT_VARIABLE ? "environment" : `env.${node.name}`),
  dsl: () => undefined,
  kind: "opaque",
};

/** True when `attribute` is `environment()`: the environment variable the DSL's environments read. */
export function isEnvironmentAttribute(attribute: Attribute): boolean {
  return attribute.__type === env.tag && attribute.name === ENVIRONMENT_VARIABLE;
}
