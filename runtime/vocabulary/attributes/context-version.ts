import type { NodeSchema } from "../../schema/types";
import { parseSemVer, type SemVer } from "../../semver/parse";
import { describeFound } from "../../describe-value";
import { lastParsed } from "../../compile/parse-cache";
import { readRelease, releaseScratch } from "../../semver/release";
import type { AttributeDescriptor } from "../types";
import type { ErrorSite } from "../../compile/types";
import type { EvaluationError } from "../../evaluate/details";
import { contextCodec, contextSchema, missing, type ContextNode } from "./shapes/context";
import { contextReader } from "./shapes/context-reader";

const tag = "context.version";

/**
 * `context.version`: `ctx[name]`, a SemVer 2.0 string ("2.1.0", "v2.1.0-rc.1"), parsed. A
 * missing key is `ATTRIBUTE_MISSING`; a non-string, or a string that is not a full version
 * ("2.1", ""), is `TYPE_MISMATCH`: versions are never guessed at. In the context a version is
 * passed as its string.
 *
 * A plain release ("2.3.0") is read into one record per getter, reused on every evaluation, so
 * the hot path allocates nothing; the `semver.*` operators compare it before the next read.
 * Prereleases and build metadata go through the full parser (with its one-entry memo).
 */
export const contextVersion: AttributeDescriptor<ContextNode<typeof tag>, "version", string> = {
  tag,
  codec: contextCodec(tag),
  processConstant: false,
  yields: "version",
  contextType: "string",
  contextKey: (node) => node.name,
  // `node`, not `{ name }`: see shapes/context.ts on what a getter keeps alive.
  compile: (node, scope) => {
    const name = node.name;
    const read = contextReader(name);
    const site = scope.errorSite();
    // Built on the first miss, not at load (see shapes/context.ts): then the same record every time.
    let absent: EvaluationError | undefined;
    // The full parser's memo, made on the first version that is not a plain release: most getters
    // only ever read releases, and a memo per getter at load was a closure and a context each.
    let parse: ((text: string) => SemVer | undefined) | undefined;
    const release = releaseScratch();
    return (ctx) => {
      const v = read(ctx, name);
      if (typeof v === "string") {
        const version = readRelease(v, release) ? release : (parse ??= lastParsed(parseSemVer))(v);
        if (version !== undefined) return version;
      }
      return v === undefined ? (absent ??= missing(site, name, A_VERSION)) : notAVersion(site, name, v);
    };
  },
};

/** What a context version must be, in the missing-key error. */
export const A_VERSION = "a SemVer version string";

/** The error for a value that is not a version. Out of line, so that the getter stays small enough for V8 to inline into its operator. */
export function notAVersion(site: ErrorSite, name: string, found: unknown): EvaluationError {
  return site.error("TYPE_MISMATCH", `context attribute ${JSON.stringify(name)} must be a SemVer version like "2.1.0", found ${describeFound(found)}`);
}

/** The JSON Schema of `context.version` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const contextVersionSchema = (): NodeSchema => contextSchema("A SemVer 2.0 version string from the evaluation context.");
