import type { AttributeOf } from "../../model/attribute";
import { parseSemVer } from "../../semver/parse";
import { processNodeVersion } from "../ambient";
import { describeFound } from "../../describe-value";
import { lastParsed } from "../parse-cache";
import type { AttributeDefinition } from "../types";

/** `process.node_version`: the context's `nodeVersion` if given (a SemVer string), else the running Node's. */
export const nodeVersion: AttributeDefinition<AttributeOf<"process.node_version">> = {
  processConstant: true,
  compile: (_node, scope) => {
    const parse = lastParsed(parseSemVer);
    return (ctx) => {
      const given = ctx.nodeVersion;
      if (given === undefined) return processNodeVersion();
      const version = typeof given === "string" ? parse(given) : undefined;
      return version ?? scope.error("TYPE_MISMATCH", `context "nodeVersion" must be a SemVer version like "22.1.0", found ${describeFound(given)}`);
    };
  },
};
