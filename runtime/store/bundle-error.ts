import { formatIssues, type DecodeIssue } from "../decode/reporter";

/**
 * A bundle that could not be loaded. `issues` lists every problem with its JSON path inside the
 * bundle (`features.test.buckets[0].classifier`); the message names the source when known.
 */
export class BundleDecodeError extends Error {
  override readonly name = "BundleDecodeError";
  constructor(
    readonly issues: readonly DecodeIssue[],
    readonly source?: string,
  ) {
    super(`invalid feature bundle${source === undefined ? "" : ` in ${source}`}:\n${formatIssues(issues)}`);
  }
}
