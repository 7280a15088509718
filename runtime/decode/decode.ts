import * as E from "fp-ts/Either";
import { FeatureC, type FeatureModel } from "../model/feature";
import { FeatureDecodeError } from "./decode-error";
import { describeValue, reportIssues } from "./reporter";

/** Documents nesting deeper than this are refused before decoding, so no later step can overflow the stack. */
export const MAX_DOCUMENT_DEPTH = 256;

/** Documents with more values than this are refused before decoding: no flag file is near it. */
export const MAX_DOCUMENT_VALUES = 2_000_000;

/**
 * Why a parsed document is too big to decode, or undefined: nesting deeper than `depthLimit`, or
 * more than {@link MAX_DOCUMENT_VALUES} values. Walked with an explicit stack (never recursion) and
 * stopped as soon as a limit is passed, so neither the stack nor the heap can be exhausted here.
 */
export function documentSizeProblem(root: unknown, depthLimit: number): string | undefined {
  let seen = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > depthLimit) return `the document nests deeper than ${depthLimit} levels`;
    if (++seen > MAX_DOCUMENT_VALUES) return `the document holds more than ${MAX_DOCUMENT_VALUES} values`;
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > MAX_DOCUMENT_VALUES) return `the document holds more than ${MAX_DOCUMENT_VALUES} values`;
      for (let i = 0; i < value.length; i++) stack.push([value[i], depth + 1]);
    } else {
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** Options for decoding: `source` names the document in error messages. */
export interface DecodeOptions {
  readonly source?: string | undefined;
}

/**
 * Decodes one feature from JSON text or an already parsed value. Either form of PyOF's JSON is
 * accepted. Never throws: every failure is a `Left` with the paths of all problems found.
 */
export function decodeFeature(input: unknown, options: DecodeOptions = {}): E.Either<FeatureDecodeError, FeatureModel> {
  const fail = (path: string, message: string) => E.left(new FeatureDecodeError([{ path, message }], options.source));
  let parsed: unknown = input;
  if (typeof input === "string") {
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      return fail("", `invalid JSON: ${e instanceof Error ? e.message : describeValue(e)}`);
    }
  }
  try {
    const tooBig = documentSizeProblem(parsed, MAX_DOCUMENT_DEPTH);
    if (tooBig !== undefined) return fail("", tooBig);
    return E.mapLeft((errors: Parameters<typeof reportIssues>[0]) => new FeatureDecodeError(reportIssues(errors), options.source))(
      FeatureC.decode(parsed),
    );
  } catch (e) {
    // Exotic inputs (getters that throw, proxies) must still come back as a Left.
    return fail("", `could not read the document: ${e instanceof Error ? e.message : describeValue(e)}`);
  }
}
