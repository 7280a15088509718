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

/**
 * How many compile calls may be nested before the next node is left for later. Real rules are a
 * handful of levels deep and compile in one plain descent, paying one counter and nothing else;
 * the cut only bounds the stack for trees deeper than that.
 */
const LEVELS_PER_DESCENT = 64;

/**
 * One compilation of a rule tree: how many compile calls are nested right now, and the subtrees
 * left for later (each a thunk that compiles one node at its own scope).
 */
interface Descent {
  depth: number;
  readonly later: Array<() => void>;
}

/**
 * Compiles with `compile` at the scope of bucket `bucket`'s node at `path`, without recursing
 * once per level of the input. Descriptors compile their children by calling the scope, so the
 * compile of a tree is naturally a recursion; here a node met {@link LEVELS_PER_DESCENT} calls
 * deep is not compiled on the spot but handed to its parent as a forwarding closure, and compiled
 * from this loop once the current descent has returned (it may leave deeper nodes in turn). No
 * call chain is ever deeper than the cut, whatever the tree's depth; there is no walk ahead, so a
 * shallow tree pays nothing. The closures are those of a plain recursive compile, with one extra
 * call every 64 levels of a deeper tree. (Evaluating a tree still nests once per level: the
 * decoder's depth limit, at most 1,024, bounds that.)
 */
function compileTree<T>(options: CompileOptions, bucket: string, path: string, compile: (scope: Scope) => T): T {
  const descent: Descent = { depth: 0, later: [] };
  const compiled = compile(scopeOf(options, bucket, path, descent));
  for (let next = descent.later.pop(); next !== undefined; next = descent.later.pop()) next();
  return compiled;
}

/** Compiles bucket `bucket`'s rule tree `root`, found at `path`, to one predicate (see {@link compileTree}). */
export function compileRule(options: CompileOptions, bucket: string, path: string, root: Classifier): Predicate {
  return compileTree(options, bucket, path, (scope) => scope.classifier(root));
}

/** Compiles an attribute (with all it reads) found at `path` in bucket `bucket`, as {@link compileRule} does a rule. */
export function compileAttribute(options: CompileOptions, bucket: string, path: string, root: Attribute): Getter {
  return compileTree(options, bucket, path, (scope) => scope.attribute(root));
}

/** The scope for compiling bucket `bucket`'s node found at `path`, within `descent`. */
function scopeOf(options: CompileOptions, bucket: string, path: string, descent: Descent): Scope {
  const scope: Scope = {
    featureKey: options.featureKey,
    resolve: options.resolve,
    bucket,
    path,
    at: (key) => scopeOf(options, bucket, childPath(path, key), descent),
    // Each node is compiled by its tag's descriptor (runtime/vocabulary/).
    classifier: (node: Classifier) => {
      if (descent.depth >= LEVELS_PER_DESCENT) {
        let later: Predicate | undefined;
        // Run once the current descent has returned, at depth 0, so through the branch below.
        descent.later.push(() => void (later = scope.classifier(node)));
        return (ctx) => later!(ctx);
      }
      descent.depth++;
      const predicate = classifierDescriptor(node).compile(node, scope);
      descent.depth--;
      return options.instrument === undefined ? predicate : options.instrument.classifier(node, path, predicate);
    },
    attribute: (node: Attribute) => {
      if (descent.depth >= LEVELS_PER_DESCENT) {
        let later: Getter | undefined;
        descent.later.push(() => void (later = scope.attribute(node)));
        return (ctx) => later!(ctx);
      }
      descent.depth++;
      const getter = attributeDescriptor(node).compile(node, scope);
      descent.depth--;
      return options.instrument === undefined ? getter : options.instrument.attribute(node, path, getter);
    },
    error: (code: ErrorCode, message: string) => new EvaluationError(code, bucket, path, message),
  };
  return scope;
}
