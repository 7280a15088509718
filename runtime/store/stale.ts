import type { EvaluationDetails } from "../evaluate/details";

/** One STALE copy per details record, so a stale store does not allocate per evaluation for prebuilt answers. */
const staleCopies = new WeakMap<EvaluationDetails<unknown>, EvaluationDetails<unknown>>();

/**
 * The details as a stale store reports them: a matched bucket or the default says `STALE` (the
 * value may be out of date); `ERROR` and `DISABLED` keep their reason, which says more.
 */
export function markStale(details: EvaluationDetails<unknown>): EvaluationDetails<unknown> {
  if (details.reason !== "TARGETING_MATCH" && details.reason !== "DEFAULT") return details;
  let copy = staleCopies.get(details);
  if (copy === undefined) {
    copy = Object.freeze({ ...details, reason: "STALE" });
    staleCopies.set(details, copy);
  }
  return copy;
}
