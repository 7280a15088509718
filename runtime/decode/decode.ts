import * as E from "fp-ts/Either";
import { FeatureC, type FeatureModel } from "../model/feature";
import { FeatureDecodeError } from "./decode-error";
import { describeValue, reportIssues } from "./reporter";

/** Documents nesting deeper than this are refused before decoding, so no later step can overflow the stack. */
export const MAX_DOCUMENT_DEPTH = 256;

/** The depth of a parsed JSON document, measured with an explicit stack (never recursion). */
export function documentDepth(root: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    if (typeof value === "object" && value !== null) {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
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
    if (documentDepth(parsed, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH) {
      return fail("", `the document nests deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    }
    return E.mapLeft((errors: Parameters<typeof reportIssues>[0]) => new FeatureDecodeError(reportIssues(errors), options.source))(
      FeatureC.decode(parsed),
    );
  } catch (e) {
    // Exotic inputs (getters that throw, proxies) must still come back as a Left.
    return fail("", `could not read the document: ${e instanceof Error ? e.message : describeValue(e)}`);
  }
}
