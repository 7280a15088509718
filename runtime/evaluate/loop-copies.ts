import type { Bucket } from "../model/feature";
import type { JsonValue } from "../model/json";
import type { Predicate } from "../compile/types";
import { EMPTY_CONTEXT, type EvaluationContext } from "./context";
import { EvaluationError, type EvaluationDetails } from "./details";
import { describeThrown } from "../describe-value";
import { CopyAssignment } from "../compile/copy-assignment";

/*
 * Why the bucket loop comes in identical copies (the same reason as the ordering closures in
 * runtime/vocabulary/classifiers/shapes/ordering.ts). V8 keeps call feedback per function literal:
 * one loop shared by every feature in the process calls every feature's rules from one call site,
 * which goes megamorphic, so no rule is inlined into the loop and every bucket costs an indirect
 * call. Each copy below is its own literal, and each feature shape (bucket count and top-level
 * tags, see runtime/compile/feature.ts) gets the next free copy, so a copy calls rules of one
 * shape: V8 inlines them (seen with --trace-turbo-inlining on R1). Shapes past the copies share
 * them and cost what every feature cost before. Same code in every copy; only the feedback differs.
 *
 * The loop itself: the try is inside it, so a bucket that throws (a hostile context's getter) costs
 * one iteration, never a level of recursion, and a later bucket that matches is still reached.
 * `??`: JavaScript callers may pass null or nothing, which read as no context; taking it here lets
 * the loop itself be the evaluator of a feature that is not memoized, one call less.
 */

/** What a loop runs: the buckets, their compiled rules and the prebuilt answers. */
export interface LoopParts {
  readonly buckets: readonly Bucket[];
  readonly predicates: readonly Predicate[];
  /** One frozen answer per bucket, in bucket order. */
  readonly matched: readonly EvaluationDetails<JsonValue>[];
  readonly byDefault: EvaluationDetails<JsonValue>;
  readonly fallback: JsonValue;
}

/** Builds a feature's loop over its buckets; every copy is the same function. */
export type BucketLoopCopy = (parts: LoopParts) => (given: EvaluationContext | undefined) => EvaluationDetails<JsonValue>;

const COPIES: readonly BucketLoopCopy[] = [
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
  ({ buckets, predicates, matched, byDefault, fallback }) => (given) => {
    const ctx = given ?? EMPTY_CONTEXT;
    let errors: EvaluationError[] | undefined;
    for (let i = 0; i < predicates.length; i++) {
      let r: boolean | EvaluationError;
      try { r = predicates[i]!(ctx); } catch (e) { r = thrownIn(buckets, i, e); }
      if (r === true) return errors === undefined ? matched[i]! : withErrors(matched[i]!, errors);
      if (r !== false) (errors ??= []).push(r);
    }
    return errors === undefined ? byDefault : failedDefault(fallback, errors);
  },
];

/*
 * Features of one or two buckets (most flags: a rollout, an on/off rule, a holdout) get a loop
 * unrolled to fixed calls: each bucket's rule is called from its own site, held in a variable
 * rather than read from an array, where a loop calls every bucket's rule from one site. R1 (two
 * buckets) went from 31 to 22 ns per evaluation, what calling its two rules by hand costs
 * (2026-12-03, three compiled copies of R1 in one process, so that V8 cannot specialize one
 * closure on its captured values). Copies per shape, as above; the same answers as the
 * loop, errors included (test/runtime/evaluate/loop-copies.test.ts checks every copy).
 */

const ONE_BUCKET: readonly BucketLoopCopy[] = [
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, m0 = matched[0]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } return r0 === true ? m0 : r0 === false ? byDefault : failedDefault(fallback, [r0]); }; },
];

const TWO_BUCKETS: readonly BucketLoopCopy[] = [
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
  (parts) => { const { buckets, predicates, matched, byDefault, fallback } = parts, p0 = predicates[0]!, p1 = predicates[1]!, m0 = matched[0]!, m1 = matched[1]!; return (given) => { const ctx = given ?? EMPTY_CONTEXT; let r0: boolean | EvaluationError, r1: boolean | EvaluationError; try { r0 = p0(ctx); } catch (e) { r0 = thrownIn(buckets, 0, e); } if (r0 === true) return m0; try { r1 = p1(ctx); } catch (e) { r1 = thrownIn(buckets, 1, e); } if (r0 === false) { if (r1 === true) return m1; if (r1 === false) return byDefault; } return afterTwo(r0, r1, m1, fallback); }; },
];

/** Which copy each feature shape gets; bounded, since shapes come from input. */
const copies = new CopyAssignment(COPIES, 1024);
const oneBucketCopies = new CopyAssignment(ONE_BUCKET, 1024);
const twoBucketCopies = new CopyAssignment(TWO_BUCKETS, 1024);

/**
 * The loop copy for features of this shape with `bucketCount` buckets, chosen at load; the same
 * shape always gets the same one.
 */
export function bucketLoopFor(shape: string, bucketCount: number): BucketLoopCopy {
  if (bucketCount === 1) return oneBucketCopies.for(shape);
  if (bucketCount === 2) return twoBucketCopies.for(shape);
  return copies.for(shape);
}

/*
 * The error paths of the loop, out of line: V8 sizes a function by all of its code when it
 * decides what to inline into a caller, so the cold paths are kept out of the hot closure.
 */

function thrownIn(buckets: readonly Bucket[], i: number, e: unknown): EvaluationError {
  return new EvaluationError("ATTRIBUTE_ERROR", buckets[i]!.name, `buckets[${i}].classifier`, `evaluation threw: ${describeThrown(e)}`);
}

function withErrors(matched: EvaluationDetails<JsonValue>, errors: EvaluationError[]): EvaluationDetails<JsonValue> {
  return Object.freeze({ ...matched, errors: Object.freeze(errors) });
}

function failedDefault(fallback: JsonValue, errors: EvaluationError[]): EvaluationDetails<JsonValue> {
  return Object.freeze({ value: fallback, bucket: "default", reason: "ERROR", errors: Object.freeze(errors) });
}

/** Two buckets, the first not a match and one of them an error: what the loop would answer. */
function afterTwo(r0: false | EvaluationError, r1: boolean | EvaluationError, m1: EvaluationDetails<JsonValue>, fallback: JsonValue): EvaluationDetails<JsonValue> {
  const errors: EvaluationError[] = r0 === false ? [] : [r0];
  if (r1 === true) return withErrors(m1, errors);
  if (r1 !== false) errors.push(r1);
  return failedDefault(fallback, errors);
}
