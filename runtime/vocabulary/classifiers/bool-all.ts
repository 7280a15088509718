import type { Predicate } from "../../compile/types";
import { junction } from "./shapes/junction";

/** `bool.all`: left to right; the first result that is not `true` (false, or an error) is the answer. Empty: true. */
export const all = junction("bool.all", "Every rule is true (left to right, stopping at the first false). Empty: true.", (parts) => {
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
