import type { NodeSchema } from "../../schema/types";
import { describeFound } from "../../describe-value";
import type { AttributeDescriptor } from "../types";
import { bareCodec, type BareNode } from "./shapes/bare";

const tag = "time.now";

/**
 * `time.now`: milliseconds since the epoch, read on every evaluation (so not process-constant).
 * The context's `now` replaces the clock, which is how tests pin time-based rules.
 */
export const now: AttributeDescriptor<BareNode<typeof tag>, "instant", undefined> = {
  tag,
  codec: bareCodec(tag),
  processConstant: false,
  yields: "instant",
  compile: (_node, scope) => {
    const site = scope.errorSite();
    return (ctx) => {
      const given = ctx.now;
      if (given === undefined) return Date.now();
      return typeof given === "number" && Number.isFinite(given)
        ? given
        : site.error("TYPE_MISMATCH", `context "now" must be a finite number of milliseconds since the epoch, found ${describeFound(given)}`);
    };
  },
};

/** The JSON Schema of `time.now` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const nowSchema = (): NodeSchema => ({ description: "Milliseconds since the epoch, on each evaluation; the context's `now` overrides it.", properties: {}, required: [] });
