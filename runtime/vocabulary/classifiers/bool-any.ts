import type { NodeSchema } from "../../schema/types";
import type { Predicate } from "../../compile/types";
import { junction, junctionSchema } from "./shapes/junction";

/** `bool.any`: left to right; the first result that is not `false` (true, or an error) is the answer. Empty: false. */
export const any = junction("bool.any", (parts) => {
  if (parts.length === 0) return never;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) return either(parts[0]!, parts[1]!);
  if (parts.length === 3) return anyOfThree(parts[0]!, parts[1]!, parts[2]!);
  return anyOf(parts);
});

// One function per arity, as bool.all's (bool-all.ts): each closure keeps only the parts it calls.

const never: Predicate = () => false;

function either(a: Predicate, b: Predicate): Predicate {
  return (ctx) => {
    const r = a(ctx);
    return r === false ? b(ctx) : r;
  };
}

function anyOfThree(a: Predicate, b: Predicate, c: Predicate): Predicate {
  return (ctx) => {
    const r = a(ctx);
    if (r !== false) return r;
    const s = b(ctx);
    return s === false ? c(ctx) : s;
  };
}

function anyOf(parts: readonly Predicate[]): Predicate {
  return (ctx) => {
    for (let i = 0; i < parts.length; i++) {
      const r = parts[i]!(ctx);
      if (r !== false) return r;
    }
    return false;
  };
}

/** The JSON Schema of `bool.any` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const anySchema = (): NodeSchema => junctionSchema("Some rule is true (left to right, stopping at the first true). Empty: false.");
