import type { NodeSchema } from "../../schema/types";
import type { Predicate } from "../../compile/types";
import { junction, junctionSchema } from "./shapes/junction";

/** `bool.all`: left to right; the first result that is not `true` (false, or an error) is the answer. Empty: true. */
export const all = junction("bool.all", (parts) => {
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [Predicate, Predicate];
    return (ctx) => {
      const r = a(ctx);
      return r === true ? b(ctx) : r;
    };
  }
  if (parts.length === 3) {
    // Three is common (country, plan, version): fixed calls, no loop over an array.
    const [a, b, c] = parts as [Predicate, Predicate, Predicate];
    return (ctx) => {
      const r = a(ctx);
      if (r !== true) return r;
      const s = b(ctx);
      return s === true ? c(ctx) : s;
    };
  }
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) {
      const r = parts[i]!(ctx);
      if (r !== true) return r;
    }
    return true;
  };
});

/** PyOF's spelling of a rule that always matches: an empty `bool.all`. */
export const ALWAYS = Object.freeze({ __type: all.tag, value: Object.freeze([]) });

/** The JSON Schema of `bool.all` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const allSchema = (): NodeSchema => junctionSchema("Every rule is true (left to right, stopping at the first false). Empty: true.");
