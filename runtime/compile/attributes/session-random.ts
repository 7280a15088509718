import type { AttributeOf } from "../../model/attribute";
import { unitInterval } from "../../hash";
import { processSessionRandom } from "../ambient";
import { describeFound } from "../describe-found";
import type { AttributeDefinition } from "../types";

const isUnit = (x: unknown): x is number => typeof x === "number" && x >= 0 && x < 1;

/**
 * `random.session`: in order of precedence, the context's `sessionRandom`; a hash of the
 * context's `sessionId` (murmur3 x86 32-bit / 2^32, the same on every machine); the process's own.
 */
export const sessionRandom: AttributeDefinition<AttributeOf<"random.session">> = {
  processConstant: true,
  compile: (_node, scope) => (ctx) => {
    const given = ctx.sessionRandom;
    if (given !== undefined) {
      return isUnit(given)
        ? given
        : scope.error("TYPE_MISMATCH", `context "sessionRandom" must be a number in [0, 1), found ${describeFound(given)}`);
    }
    const id = ctx.sessionId;
    if (id !== undefined) {
      return typeof id === "string"
        ? unitInterval(id)
        : scope.error("TYPE_MISMATCH", `context "sessionId" must be a string, found ${describeFound(id)}`);
    }
    return processSessionRandom();
  },
};
