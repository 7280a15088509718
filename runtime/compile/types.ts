import type { Attribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";
import type { EvaluationContext } from "../evaluate/context";
import type { ErrorCode, EvaluationDetails, EvaluationError } from "../evaluate/details";
import type { SemVer } from "../semver/parse";

/**
 * A compiled classifier: true or false, or the error that stopped it. Errors are values, never
 * thrown, so one bad bucket cannot break a getter.
 */
export type Predicate = (ctx: EvaluationContext) => boolean | EvaluationError;

/**
 * What an attribute reads. Versions are parsed by the attribute that reads them, so the `semver.*`
 * operators compare parsed values and scalar operators never see a version as a string.
 */
export type AttributeValue = string | number | boolean | SemVer;

/** A compiled attribute: its value for this context, or the error that stopped it. */
export type Getter = (ctx: EvaluationContext) => AttributeValue | EvaluationError;

/** What a prerequisite needs of the feature it depends on: to evaluate it with the same context. */
export interface PrerequisiteFeature {
  evaluate(ctx: EvaluationContext): EvaluationDetails<unknown>;
}

/**
 * Finds a feature by key, for prerequisites. Called on each evaluation of a `feature.in_bucket`
 * node, so a store that replaces a feature is seen at once; it should be a map lookup.
 */
export type Resolver = (key: string) => PrerequisiteFeature | undefined;

/**
 * Where a node is being compiled. It carries the bucket and JSON path so that errors can be built
 * once, at compile time, and returned as is at evaluation time.
 */
/** A context key whose number, when it lies in `[min, below)`, is an attribute's value as is. */
export interface NumberKey {
  readonly key: string;
  readonly min: number;
  readonly below: number;
}

/**
 * Where a compiled node reports the errors it meets while evaluating. A closure keeps its site,
 * not its {@link Scope}: see {@link Scope.errorSite}.
 */
export interface ErrorSite {
  /** An error at this site's bucket and JSON path. */
  error(code: ErrorCode, message: string): EvaluationError;
}

export interface Scope extends ErrorSite {
  /** The feature's key, when known; rollouts use it as their default salt. */
  readonly featureKey: string | undefined;
  /** Finds the features that prerequisites name, when the loader gave a resolver. */
  readonly resolve: Resolver | undefined;
  /** The bucket whose classifier is being compiled. */
  readonly bucket: string;
  /** The JSON path of the current node within the feature document. */
  readonly path: string;
  /** The scope of a child node under `key` (an object key or array index). */
  at(key: string | number): Scope;
  /** Compiles a child classifier at this scope's path. */
  classifier(node: Classifier): Predicate;
  /** Compiles a child attribute at this scope's path. */
  attribute(node: Attribute): Getter;
  /**
   * The context key an operator may read `node`'s number from itself (see `numberKey` in
   * runtime/vocabulary/types.ts): undefined when the attribute has none, or when the compile is
   * instrumented (a trace must see every read go through the getter).
   */
  directNumber(node: Attribute): NumberKey | undefined;
  /**
   * The context key whose value, read as `yields` says, `node` is (see `contextKey` in
   * runtime/vocabulary/types.ts), for an operator that tests the value in its own closure:
   * undefined when `node` yields something else or has no such key, or as for {@link Scope.directNumber}.
   */
  directContextKey(node: Attribute, yields: "string" | "version" | "number"): string | undefined;
  /**
   * What a compiled closure should keep to build its errors at evaluation: a site shared by every
   * node at this bucket and path when the path is short and already spelled (the common case),
   * else this scope itself (a deep tree, whose paths are spelled only when an error needs them).
   */
  errorSite(): ErrorSite;
  /** An error at this scope's path. Build it at compile time where the message does not depend on the context, or on the first evaluation that needs it and keep it (as context attributes do for a missing key). */
  error(code: ErrorCode, message: string): EvaluationError;
}
