import type { AttributeOf } from "../../model/attribute";
import { describeFound } from "../../describe-value";
import type { AttributeDefinition } from "../types";

/**
 * `time.now`: milliseconds since the epoch, read on every evaluation (so not process-constant).
 * The context's `now` replaces the clock, which is how tests pin time-based rules.
 */
export const now: AttributeDefinition<AttributeOf<"time.now">> = {
  processConstant: false,
  compile: (_node, scope) => (ctx) => {
    const given = ctx.now;
    if (given === undefined) return Date.now();
    return typeof given === "number" && Number.isFinite(given)
      ? given
      : scope.error("TYPE_MISMATCH", `context "now" must be a finite number of milliseconds since the epoch, found ${describeFound(given)}`);
  },
};
