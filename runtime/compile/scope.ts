import { attributeDescriptor, type Attribute } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { EvaluationError, type ErrorCode } from "../evaluate/details";
import type { Getter, Predicate, Resolver, Scope } from "./types";

/** What every scope of one compilation shares. */
export interface CompileOptions {
  /** The feature's key: the default rollout salt. */
  readonly featureKey?: string;
  /** Finds the features that `feature.in_bucket` names; without it, every prerequisite is an error. */
  readonly resolve?: Resolver;
  /**
   * Wraps every compiled node, for traces (`evaluate(ctx, { trace: true })`). Absent on the
   * ordinary path, which then compiles exactly the closures it would without this option.
   */
  readonly instrument?: Instrumentation;
}

/** Sees each compiled classifier and attribute, with its JSON path, and may wrap it. */
export interface Instrumentation {
  classifier(node: Classifier, path: string, predicate: Predicate): Predicate;
  attribute(node: Attribute, path: string, getter: Getter): Getter;
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
    // Each node is compiled by its tag's descriptor (runtime/vocabulary/).
    classifier: (node: Classifier) => {
      const predicate = classifierDescriptor(node).compile(node, scope);
      return options.instrument === undefined ? predicate : options.instrument.classifier(node, path, predicate);
    },
    attribute: (node: Attribute) => {
      const getter = attributeDescriptor(node).compile(node, scope);
      return options.instrument === undefined ? getter : options.instrument.attribute(node, path, getter);
    },
    error: (code: ErrorCode, message: string) => new EvaluationError(code, bucket, path, message),
  };
  return scope;
}
