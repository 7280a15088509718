import * as E from "fp-ts/Either";
import type * as t from "io-ts";
import type { FeatureModel } from "../model/feature";
import type { DecodeIssue } from "../decode/reporter";
import { describeValue } from "../describe-value";

/*
 * Types enforced at load. A generated getter promises a value type (`Banner`); a bundle is data
 * from elsewhere (a file, an HTTP source, a hand-edited copy with its hash recomputed). The
 * generator emits an io-ts codec from the same type the checker gave the getter, and the store
 * checks every bucket value and the default with it before it accepts a bundle.
 */

/**
 * What a feature's values must fit: a decoder from any JSON value. Its `name` is the type the
 * getter promises (`Banner`, `boolean | 42`), which error messages quote as "expected …".
 */
export type ValueCodec = t.Decoder<unknown, unknown>;

/** How many problems inside one value are detailed after "expected X, found Y". */
const MAX_DETAILS = 2;

/**
 * The problems inside a value, one per JSON path: `color: expected ("blue" | "red"), found "green"`.
 * A union or intersection re-validates the same value under a member index; that is no step in the
 * path, and the type expected there is the outermost one (the union), not each member in turn.
 */
function innerProblems(errors: t.Errors): DecodeIssue[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    let path = "";
    let expected = error.context[0]?.type.name ?? "a value";
    for (let i = 1; i < error.context.length; i++) {
      const entry = error.context[i]!;
      const parent = error.context[i - 1]!.actual;
      if (entry.actual === parent && !(entry.actual === undefined && !Array.isArray(parent))) continue;
      path += Array.isArray(parent) && /^\d+$/.test(entry.key) ? `[${entry.key}]` : /^[A-Za-z_$][\w$]*$/.test(entry.key) ? `${path === "" ? "" : "."}${entry.key}` : `[${JSON.stringify(entry.key)}]`;
      expected = entry.type.name;
    }
    if (path !== "" && !byPath.has(path)) byPath.set(path, error.message ?? `expected ${expected}, found ${describeValue(error.value)}`);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

/** One value against the codec: no issue, or one issue at the value's path naming the expected type. */
function checkValue(path: string, value: unknown, codec: ValueCodec): DecodeIssue | undefined {
  const result = codec.decode(value);
  if (E.isRight(result)) return undefined;
  // Problems inside the value (`text: expected string, found 12`) say which part is wrong; a
  // problem at the value itself is already said by "expected <type>".
  const inner = innerProblems(result.left);
  const details = inner.slice(0, MAX_DETAILS).map((i) => `${i.path}: ${i.message}`);
  if (inner.length > MAX_DETAILS) details.push(`${inner.length - MAX_DETAILS} more`);
  const detail = details.length === 0 ? "" : ` (${details.join("; ")})`;
  return { path, message: `expected ${codec.name}, found ${describeValue(value)}${detail}` };
}

/**
 * Every bucket value and the default of `model` that does not fit `codec`, with JSON paths under
 * `path` (`features.home_banner`): `features.home_banner.buckets[0].value: expected Banner, found 12`.
 * Never throws: a codec that throws counts as a misfit.
 */
export function valueIssues(path: string, model: FeatureModel, codec: ValueCodec): DecodeIssue[] {
  const issues: DecodeIssue[] = [];
  const visit = (where: string, value: unknown) => {
    let issue: DecodeIssue | undefined;
    try {
      issue = checkValue(where, value, codec);
    } catch (e) {
      issue = { path: where, message: `expected ${codec.name}; checking the value threw ${e instanceof Error ? e.message : describeValue(e)}` };
    }
    if (issue !== undefined) issues.push(issue);
  };
  model.buckets.forEach((bucket, i) => visit(`${path}.buckets[${i}].value`, bucket.value));
  visit(`${path}.default`, model.default);
  return issues;
}

/** `features.key`, or `features["odd key"]` for a key that is not an identifier. */
export function featurePath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `features.${key}` : `features[${JSON.stringify(key)}]`;
}
