import { DecodeError } from "../decode/decode-error";
import type { DecodeIssue } from "../decode/reporter";

/**
 * A bundle that could not be loaded. `issues` lists every problem with its JSON path inside the
 * bundle (`features.test.buckets[0].classifier`); the message names the source when known.
 */
export class BundleDecodeError extends DecodeError {
  override readonly name = "BundleDecodeError";
  constructor(issues: readonly DecodeIssue[], source?: string) {
    super("feature bundle", issues, source);
  }
}
