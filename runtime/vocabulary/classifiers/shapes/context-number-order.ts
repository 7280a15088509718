import type { EvaluationError } from "../../../evaluate/details";
import type { ErrorSite, Predicate } from "../../../compile/types";
import { CopyAssignment } from "../../../compile/copy-assignment";
import { missing } from "../../attributes/shapes/context";
import { contextReader } from "../../attributes/shapes/context-reader";
import { A_FINITE_NUMBER, notAFiniteNumber } from "../../attributes/context-number";

/*
 * The orderings (`lt`, `lte`, `gt`, `gte`) over a `context.number` attribute (`age >= 18`) as one
 * closure that reads the key and compares, as eq and the memberships over a string do
 * (./context-string-tests.ts): the number never crosses a call, and no getter is built for what
 * the key holds otherwise. The answers and errors are the getter's
 * (runtime/vocabulary/attributes/context-number.ts) then the operator's: a finite number is
 * compared; nothing under the key, or anything else, is the getter's error at the attribute's
 * path, the missing-key one built on the first miss and kept. The key is read once per
 * evaluation (through the getter, a miss read it twice). A traced compile never comes here
 * (Scope.directContextKey), so a trace still sees the read.
 *
 * The key is read through its reader (attributes/shapes/context-reader.ts), a load site per key;
 * the closure comes in identical copies, one per operator × key, for the reason ./ordering.ts
 * gives: a copy's `holds` call sees one operator, so V8 inlines the test.
 */

type Holds = (attribute: number, bound: number) => boolean;
type ContextNumberOrdering = (name: string, site: ErrorSite, holds: Holds, bound: number) => Predicate;

const COPIES: readonly ContextNumberOrdering[] = [
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
  (name, site, holds, bound) => { const read = contextReader(name); let absent: EvaluationError | undefined; return (ctx) => { const v = read(ctx, name); if (typeof v === "number" && Number.isFinite(v)) return holds(v, bound); return notAFiniteNumber(site, name, v) ?? (absent ??= missing(site, name, A_FINITE_NUMBER)); }; },
];

/** Which copy each operator × context key gets: the keys come from input, so the assignment is bounded. */
const sites = new CopyAssignment(COPIES, 1024);

/** The ordering `tag` (`holds`) between the number under context key `name` and `bound`, its errors at `site`. */
export function numberOrderOfContext(tag: string, name: string, site: ErrorSite, holds: Holds, bound: number): Predicate {
  return sites.for(`${tag} ${name}`)(name, site, holds, bound);
}
