import type { Attribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";
import { EvaluationError, type ErrorCode } from "../evaluate/details";
import { attributes, operators } from "./registry";
import type { AttributeDefinition, OperatorCompiler, Resolver, Scope } from "./types";

/** What every scope of one compilation shares. */
export interface CompileOptions {
  /** The feature's key: the default rollout salt. */
  readonly featureKey?: string;
  /** Finds the features that `feature.in_bucket` names; without it, every prerequisite is an error. */
  readonly resolve?: Resolver;
}

function childPath(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
}

/** The scope for compiling bucket `bucket`'s classifier found at `path`. */
export function bucketScope(options: CompileOptions, bucket: string, path: string): Scope {
  const scope: Scope = {
    featureKey: options.featureKey,
    resolve: options.resolve,
    bucket,
    path,
    at: (key) => bucketScope(options, bucket, childPath(path, key)),
    // The tables are indexed by the node's own tag, so each lookup pairs a node with its compiler;
    // TypeScript cannot correlate the two through the union, hence the widening casts.
    classifier: (node: Classifier) => (operators[node.__type] as OperatorCompiler<Classifier>)(node, scope),
    attribute: (node: Attribute) => (attributes[node.__type] as AttributeDefinition<Attribute>).compile(node, scope),
    error: (code: ErrorCode, message: string) => new EvaluationError(code, bucket, path, message),
  };
  return scope;
}
