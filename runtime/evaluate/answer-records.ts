import type { JsonValue } from "../model/json";
import { NO_ERRORS, type EvaluationDetails, type Reason } from "./details";
import { SharedTable } from "../compile/shared-table";

/*
 * The frozen answers a compiled feature returns when no bucket fails: one per bucket, and one for
 * the default. Most values are scalars ("on", true, 3), and features alike answer alike ("match"
 * from bucket "match"), so an answer with a scalar value is shared by every feature that gives it:
 * two records fewer per feature, 0.6 MB over 10,000. A shared record is frozen and equal in every
 * field to the one a feature would build for itself; only identity tells them apart (two features
 * may now return the same object), which EvaluationDetails says not to rely on. Objects and arrays
 * are not shared: their identity is the feature's own value. The table is process-wide and first
 * come, first served: past its bound, later answers are built per feature, as before.
 */

/** A bucket name or scalar this long is rare, and would make the table hold long strings alive. */
const SHARED_KEY_LENGTH = 64;
/** One table per reason (a bucket's match, the default), each bounded: past it every feature builds its own. */
const shared = new Map<Reason, SharedTable<string, string | number | boolean | null, EvaluationDetails<JsonValue>>>();

/** The error-free answer `value` from bucket `bucket` for `reason`: shared when the value is a short scalar. */
export function answerRecord(value: JsonValue, bucket: string, reason: Reason): EvaluationDetails<JsonValue> {
  if (!isShareable(value) || bucket.length > SHARED_KEY_LENGTH) return build(value, bucket, reason);
  let table = shared.get(reason);
  if (table === undefined) shared.set(reason, (table = new SharedTable(4096, (b, v) => build(v, b, reason))));
  return table.shared(bucket, value) ?? build(value, bucket, reason);
}

/**
 * A Map key that stands for exactly one JSON value: a scalar, and not -0 (a Map equates it with 0,
 * whose answer would then be returned for it).
 */
function isShareable(value: JsonValue): value is string | number | boolean | null {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return !Object.is(value, -0);
  return typeof value === "string" && value.length <= SHARED_KEY_LENGTH;
}

function build(value: JsonValue, bucket: string, reason: Reason): EvaluationDetails<JsonValue> {
  return Object.freeze({ value, bucket, reason, errors: NO_ERRORS });
}

/*
 * Why the details record's fields are generalized here, at load, before any code that reads them
 * is optimized. Every `{ value, bucket, reason, errors }` literal in the process (the answers
 * above, the error answers of runtime/evaluate and runtime/store) gets one hidden class, and V8
 * keeps per field of it what it has seen: whether the field was ever written again, what kind of
 * value it holds (a string, a small integer, a double, an array of which kind). Optimized code
 * that reads `details.value` relies on that, and when a later record breaks it (any value of a
 * new kind, any write after the literal: in the bench, %DebugPrint showed `value` had become
 * mutable, by which record was not pinned down) V8 throws away all such code at once: a getter,
 * the loops it inlined, the decoder. Measured on the bench's full suite (bench/suite.ts --quick,
 * every peer, 2026-12-04; bench/measure/deopts.ts): getR1 was deoptimized that way in each process
 * where R5 ran at 26.5 ns instead of 20; with the fields generalized here first, in none of 12
 * processes, R5 19.5-21.1 ns. So one throwaway record takes every kind of value each field can
 * hold, and is written to again. (What it costs: a prebuilt answer's `value` is no longer folded
 * into a constant, about 1 ns on R1.)
 */
{
  const probe: { value: unknown; bucket: string; reason: string; errors: readonly unknown[] } = { value: "", bucket: "", reason: "DEFAULT", errors: NO_ERRORS };
  for (const value of [0, 0.5, true, null, [], {}, "default"]) probe.value = value;
  for (const errors of [[{}], Object.freeze([{}]), NO_ERRORS]) probe.errors = errors;
  probe.bucket = "default";
  probe.reason = "ERROR";
}
