import type { NodeSchema } from "../../schema/types";
import { parseSemVer } from "../../semver/parse";
import { processNodeVersion } from "../../compile/ambient";
import { describeFound } from "../../describe-value";
import { lastParsed } from "../../compile/parse-cache";
import type { AttributeDescriptor } from "../types";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "process.node_version";

/** `process.node_version`: the context's `nodeVersion` if given (a SemVer string), else the running Node's (`process.versions.node`). */
export const nodeVersion: AttributeDescriptor<BareNode<typeof tag>, "version", undefined> = {
  tag,
  codec: bareCodec(tag),
  processConstant: true,
  yields: "version",
  compile: (_node, scope) => {
    const parse = lastParsed(parseSemVer);
    const site = scope.errorSite();
    return (ctx) => {
      const given = ctx.nodeVersion;
      if (given === undefined) return processNodeVersion();
      const version = typeof given === "string" ? parse(given) : undefined;
      return version ?? site.error("TYPE_MISMATCH", `context "nodeVersion" must be a SemVer version like "22.1.0", found ${describeFound(given)}`);
    };
  },
};

/** The JSON Schema of `process.node_version` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const nodeVersionSchema = (): NodeSchema => ({ description: "The running Node version; the context's `nodeVersion` overrides it.", properties: {}, required: [] });
