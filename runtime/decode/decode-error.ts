import { formatIssues, type DecodeIssue } from "./reporter";

/**
 * A feature document that could not be decoded. `issues` lists every problem with its JSON path;
 * the message names the source (a file path or URL) when one is known.
 */
export class FeatureDecodeError extends Error {
  override readonly name = "FeatureDecodeError";
  constructor(
    readonly issues: readonly DecodeIssue[],
    readonly source?: string,
  ) {
    super(`invalid offline feature${source === undefined ? "" : ` in ${source}`}:\n${formatIssues(issues)}`);
  }
}
