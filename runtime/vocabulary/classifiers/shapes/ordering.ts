import { EvaluationError } from "../../../evaluate/details";
import { ref, type NodeSchema } from "../../../schema/types";
import type { ClassifierDescriptor } from "../../types";
import type { Getter, NumberKey, Predicate } from "../../../compile/types";
import { CopyAssignment } from "../../../compile/copy-assignment";
import { attributeTestSchema, comparisonCodec, readsAttribute, type ComparisonNode } from "./reads-attribute";
import { numberOrderOfContext } from "./context-number-order";

/**
 * The shape shared by `lt`, `lte`, `gt` and `gte`: true or false when both sides are numbers,
 * false otherwise, and an attribute's error passes through. A non-numeric literal is decided at
 * compile time.
 */
export function ordering<K extends string>(tag: K, holds: (attribute: number, bound: number) => boolean): ClassifierDescriptor<ComparisonNode<K>> {
  return {
    tag,
    codec: comparisonCodec(tag),
    parts: readsAttribute(),
    compile: (node, scope) => {
      const at = scope.at("attribute");
      const bound = node.value;
      if (typeof bound === "number") {
        // A context number compared with a number: one closure reads the key and compares (./context-number-order.ts).
        const key = at.directContextKey(node.attribute, "number");
        if (key !== undefined) return numberOrderOfContext(tag, key, at.errorSite(), holds, bound);
      }
      const read = at.attribute(node.attribute);
      if (typeof bound !== "number") {
        return (ctx) => {
          const a = read(ctx);
          return a instanceof EvaluationError ? a : false;
        };
      }
      const direct = at.directNumber(node.attribute);
      if (direct !== undefined) return directSites.for(`${tag} ${direct.key}`)(direct, read, holds, bound);
      return sites.for(`${tag} ${node.attribute.__type}`)(read, holds, bound);
    },
  };
}

/*
 * Why the closure comes in identical copies. V8 keeps call feedback per function literal: one
 * ordering closure shared by every comparison in the process calls `read` for every kind of
 * number attribute (random.session, random.unit, static.number, …; a context number compared
 * with a number has a closure of its own, ./context-number-order.ts) and `holds` for every
 * operator, so both calls go megamorphic and are not inlined, and a number returned from or
 * passed to a call that is not inlined is boxed: a heap number per evaluation. Each copy below is
 * its own literal; each operator × attribute kind gets one, so its calls see one getter and one
 * test and V8 inlines them. Same code in every copy; only the feedback differs.
 */

type Ordering = (read: Getter, holds: (attribute: number, bound: number) => boolean, bound: number) => Predicate;

const ORDERINGS: readonly Ordering[] = [
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
  (read, holds, bound) => (ctx) => { const a = read(ctx); return typeof a === "number" ? holds(a, bound) : notANumber(a); },
];

/** Which copy each operator × attribute kind gets. */
const sites = new CopyAssignment(ORDERINGS, 256);

/** A value that is not a number: the attribute's error passes through, anything else is false. */
function notANumber(a: unknown): boolean | EvaluationError {
  return a instanceof EvaluationError ? a : false;
}

/** The JSON Schema of the orderings (`comparison.lt` and the like), from the tag's description (runtime/schema; kept out of the descriptor, so an app bundle leaves it out). */
export function orderingSchema(description: string): NodeSchema {
  return attributeTestSchema(description, "attribute", ref("scalar"));
}

/*
 * The same test over an attribute that takes a number the context gives under one key as is
 * (`sessionRandom`, the session random's test pin): the copy reads the key itself and compares, so the
 * number never crosses a call, which would box it whenever V8 does not inline the getter (a
 * 32-byte heap number per evaluation of R1, measured). Anything else under the key, or nothing,
 * goes through the getter, which decides what it means. A copy per operator × key, for the
 * reasons above: each copy's `ctx[key]` load then sees one key.
 */

type DirectOrdering = (direct: NumberKey, read: Getter, holds: (attribute: number, bound: number) => boolean, bound: number) => Predicate;

const DIRECT_ORDERINGS: readonly DirectOrdering[] = [
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
  ({ key, min, below }, read, holds, bound) => (ctx) => { const v = ctx[key]; return typeof v === "number" && v >= min && v < below ? holds(v, bound) : viaGetter(read, holds, bound, ctx); },
];

/** Which copy each operator × context key gets: the keys come from input, so the assignment is bounded. */
const directSites = new CopyAssignment(DIRECT_ORDERINGS, 1024);

/** Out of line: the key held no number in range (absent, a pin of the wrong type), so the getter answers. */
function viaGetter(read: Getter, holds: (attribute: number, bound: number) => boolean, bound: number, ctx: Parameters<Getter>[0]): boolean | EvaluationError {
  const a = read(ctx);
  return typeof a === "number" ? holds(a, bound) : notANumber(a);
}
