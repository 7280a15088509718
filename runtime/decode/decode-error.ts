import { formatIssues, type DecodeIssue } from "./reporter";

/**
 * A document that could not be decoded: the base of {@link FeatureDecodeError} and the store's
 * `BundleDecodeError`. `issues` lists every problem with its JSON path; the message names what
 * was being decoded and the source (a file path or URL) when one is known.
 */
export abstract class DecodeError extends Error {
  constructor(
    /** What the document should have been, for the message: "offline feature", "feature bundle". */
    what: string,
    readonly issues: readonly DecodeIssue[],
    readonly source?: string,
  ) {
    super(`invalid ${what}${source === undefined ? "" : ` in ${source}`}:\n${formatIssues(issues)}`);
  }
}

/**
 * A feature document that could not be decoded. `issues` lists every problem with its JSON path;
 * the message names the source (a file path or URL) when one is known.
 */
export class FeatureDecodeError extends DecodeError {
  override readonly name = "FeatureDecodeError";
  constructor(issues: readonly DecodeIssue[], source?: string) {
    super("offline feature", issues, source);
  }
}
