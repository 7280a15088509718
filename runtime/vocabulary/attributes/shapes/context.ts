import * as t from "io-ts";
import { ContextNameC } from "../../../model/fields";
import { node } from "../../../decode/tagged-union";
import { describeFound } from "../../../describe-value";
import type { EvaluationError } from "../../../evaluate/details";
import type { ErrorSite } from "../../../compile/types";
import { ref, type NodeSchema } from "../../../schema/types";

/*
 * Context attributes read `ctx[name]` and never coerce: a missing key or a value of another type
 * is an error that makes the bucket a non-match, and the details say which key and what was found.
 *
 * A getter is kept alive by its feature, and with it what it captured: so its compile takes the
 * node whole, not a destructured `{ name }` (V8 gives destructured parameters a context of their
 * own, one more record per getter), and keeps `scope.errorSite()`, not the scope (which holds its
 * root and the compile options). Over 10,000 R2-shaped features these were 4 contexts and 4 scope
 * records per feature.
 */

/** A context attribute node: the key it reads. */
export interface ContextNode<K extends string> {
  readonly __type: K;
  readonly name: string;
}

/** The codec of a context attribute. */
export function contextCodec<K extends string>(tag: K): t.Type<ContextNode<K>, ContextNode<K>, unknown> {
  return node(tag, { __type: t.literal(tag), name: ContextNameC });
}

/** The schema of a context attribute. */
export function contextSchema(description: string): NodeSchema {
  return { description, properties: { name: ref("contextName") }, required: ["name"] };
}

/**
 * The error for a missing key. A context attribute builds it on the first evaluation that misses
 * the key and keeps it (one record per attribute, as before, and none for the many that never
 * miss): building it at load spelled the message and the node's JSON path for every attribute of
 * every feature, about a third of what compiling an R2-shaped feature allocated.
 */
export function missing(site: ErrorSite, name: string, expected: string): EvaluationError {
  return site.error("ATTRIBUTE_MISSING", `context attribute ${JSON.stringify(name)} is missing; expected ${expected}`);
}

/** The error for a value of the wrong type. */
export function mismatch(site: ErrorSite, name: string, expected: string, found: unknown): EvaluationError {
  return site.error("TYPE_MISMATCH", `context attribute ${JSON.stringify(name)} must be ${expected}, found ${describeFound(found)}`);
}
