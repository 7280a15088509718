import type { NodeSchema } from "../../schema/types";
import type { Predicate } from "../../compile/types";
import { junction, junctionSchema } from "./shapes/junction";

/** `bool.all`: left to right; the first result that is not `true` (false, or an error) is the answer. Empty: true. */
export const all = junction("bool.all", (parts) => {
  if (parts.length === 0) return always;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) return both(parts[0]!, parts[1]!);
  if (parts.length === 3) return allThree(parts[0]!, parts[1]!, parts[2]!);
  return allOf(parts);
});

/*
 * One function per arity, each building its closure: a closure keeps its function's whole context
 * alive, so cases written in one function kept the list and the block of every case (two contexts
 * per rule, where one function per case keeps one, with just the parts it calls).
 */

const always: Predicate = () => true;

function both(a: Predicate, b: Predicate): Predicate {
  return (ctx) => {
    const r = a(ctx);
    return r === true ? b(ctx) : r;
  };
}

/** Three is common (country, plan, version): fixed calls, no loop over an array. */
function allThree(a: Predicate, b: Predicate, c: Predicate): Predicate {
  return (ctx) => {
    const r = a(ctx);
    if (r !== true) return r;
    const s = b(ctx);
    return s === true ? c(ctx) : s;
  };
}

function allOf(parts: readonly Predicate[]): Predicate {
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) {
      const r = parts[i]!(ctx);
      if (r !== true) return r;
    }
    return true;
  };
}

/** PyOF's spelling of a rule that always matches: an empty `bool.all`. */
export const ALWAYS = Object.freeze({ __type: all.tag, value: Object.freeze([]) });

/** The JSON Schema of `bool.all` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const allSchema = (): NodeSchema => junctionSchema("Every rule is true (left to right, stopping at the first false). Empty: true.");
