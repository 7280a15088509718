import { EvaluationError, type ErrorCode } from "../evaluate/details";
import type { ErrorSite } from "./types";

/**
 * An error site shared by every node compiled at the same bucket name and JSON path. A compiled
 * closure that may report an error at evaluation (a context attribute whose key is missing) keeps
 * its site alive; keeping its scope instead kept the scope, the root scope and the compile options
 * of its feature (5 records per R2-shaped feature, about 2 MB over 10,000), where features alike
 * in shape share one site. The error record itself is still built on the evaluation that needs it.
 */
class SharedErrorSite implements ErrorSite {
  constructor(
    private readonly bucket: string,
    private readonly path: string,
  ) {}

  error(code: ErrorCode, message: string): EvaluationError {
    return new EvaluationError(code, this.bucket, this.path, message);
  }
}

/**
 * Bounded in count and in the length of the names it keys by, since both come from input: past
 * the bounds {@link sharedErrorSite} answers undefined and the scope serves as its own site, as
 * before. Buckets are few and paths are shared by features alike in shape, so a real bundle fills
 * a few dozen entries.
 */
const SHARED_SITES = 4096;
const SHARED_KEY_LENGTH = 160;
const sites = new Map<string, Map<string, SharedErrorSite>>();
let siteCount = 0;

/** The site shared by every node at `path` in bucket `bucket`, or undefined past the table's bounds. */
export function sharedErrorSite(bucket: string, path: string): ErrorSite | undefined {
  if (bucket.length > SHARED_KEY_LENGTH || path.length > SHARED_KEY_LENGTH) return undefined;
  let byPath = sites.get(bucket);
  const found = byPath?.get(path);
  if (found !== undefined) return found;
  if (siteCount >= SHARED_SITES) return undefined;
  const site = new SharedErrorSite(bucket, path);
  if (byPath === undefined) sites.set(bucket, (byPath = new Map()));
  byPath.set(path, site);
  siteCount++;
  return site;
}
