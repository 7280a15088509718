import { attributeDescriptor, type Attribute } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { EvaluationError, type ErrorCode } from "../evaluate/details";
import type { ErrorSite, Getter, NumberKey, Predicate, Resolver, Scope } from "./types";
import { sharedErrorSite } from "./error-site";
import { SharedTable } from "./shared-table";

/** What every scope of one compilation shares. */
export interface CompileOptions {
  /** The feature's key: the default rollout salt. */
  readonly featureKey?: string;
  /** Finds the features that `feature.in_bucket` names; without it, every prerequisite is an error. */
  readonly resolve?: Resolver;
  /**
   * Wraps every compiled node, for traces (`evaluateWithTrace(feature, ctx)`). Absent on the
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

/*
 * The compilation under way: how many compile calls are nested right now, and the subtrees left
 * for later (each a thunk that compiles one node at its own scope). Module state rather than an
 * object per compilation: compiled closures can keep their scope alive, and a scope that held one
 * more object per rule tree cost 0.8 MiB over 10,000 loaded features. Compiling is synchronous,
 * and {@link compileTree} saves and restores this state, so a compilation started inside another
 * one (none is today) would still be correct.
 */
let depth = 0;
let later: Array<() => void> | undefined;
/** The instrumentation of the compilation under way, read by every node compiled (so no scope holds it). */
let instrument: Instrumentation | undefined;

/** The next subtree left for later (a function, so the type checker sees that thunks fill `later`). */
function nextLater(): (() => void) | undefined {
  return later?.pop();
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
  const outerDepth = depth;
  const outerLater = later;
  const outerInstrument = instrument;
  depth = 0;
  later = undefined;
  instrument = options.instrument;
  try {
    const compiled = compile(new RootScope(options, bucket, path));
    // Each thunk runs at depth 0 and may leave more.
    for (let next = nextLater(); next !== undefined; next = nextLater()) next();
    return compiled;
  } finally {
    depth = outerDepth;
    later = outerLater;
    instrument = outerInstrument;
  }
}

/** Compiles bucket `bucket`'s rule tree `root`, found at `path`, to one predicate (see {@link compileTree}). */
export function compileRule(options: CompileOptions, bucket: string, path: string, root: Classifier): Predicate {
  return compileTree(options, bucket, path, (scope) => scope.classifier(root));
}

/** Compiles an attribute (with all it reads) found at `path` in bucket `bucket`, as {@link compileRule} does a rule. */
export function compileAttribute(options: CompileOptions, bucket: string, path: string, root: Attribute): Getter {
  return compileTree(options, bucket, path, (scope) => scope.attribute(root));
}

/*
 * A node met LEVELS_PER_DESCENT calls deep, handed to its parent as a forwarding closure and left
 * for compileTree's loop. These are functions of their own, not branches of Scope's methods: the
 * closures capture `node` and `compiled`, and V8 would then allocate a context for those on every
 * call of the method, taken or not (49 bytes per node compiled, 7 per R2-shaped feature).
 */
function classifierLater(scope: Scope, node: Classifier): Predicate {
  let compiled: Predicate | undefined;
  // Run once the current descent has returned, at depth 0, so through the method's plain branch.
  (later ??= []).push(() => void (compiled = scope.classifier(node)));
  return (ctx) => compiled!(ctx);
}

function attributeLater(scope: Scope, node: Attribute): Getter {
  let compiled: Getter | undefined;
  (later ??= []).push(() => void (compiled = scope.attribute(node)));
  return (ctx) => compiled!(ctx);
}

/**
 * JSON paths below a rule's root, one string per path, shared by every feature (features alike in
 * shape have the same paths: `buckets[0].classifier.value[1].attribute`). A scope that a compiled
 * closure keeps (an attribute builds its mismatch errors through it) then holds its path and the
 * root, not the chain of scopes above it: 6 scopes fewer kept per R2-shaped feature, 2.9 MB over
 * 10,000. Bounded in count and length, so that input cannot grow it without end; a path past the
 * bounds is spelled on demand from the parent chain, as before.
 */
const SHARED_PATH_LENGTH = 160;
const sharedPaths = new SharedTable<string, string | number, string>(4096, childPath);

/** The shared string of `parent`'s child path under `key`, or undefined past the table's bounds. */
function sharedChildPath(parent: string, key: string | number): string | undefined {
  // Length first: a deep tree's long paths are never hashed (a lookup would hash each one).
  return parent.length > SHARED_PATH_LENGTH ? undefined : sharedPaths.shared(parent, key);
}

/**
 * A {@link Scope} as a class: its methods live once on the prototype. Compiled closures keep
 * their scope alive (an attribute builds its mismatch errors through it), and with it its parent:
 * the root for a scope whose path is in the shared table (see {@link sharedChildPath}), else the
 * chain of scopes above it. So a
 * scope holds three fields, its parent, its key and its path once spelled; what the whole tree
 * shares (the options, the bucket) sits on the root ({@link RootScope}) alone, and is found by
 * walking up (the compile reads the options once per tree, through module state; an error reads
 * the bucket, rarely).
 *
 * The path is spelled only when asked for (an error, a trace): most scopes of a load never build
 * an error (a rule that reads only present keys), so the 7 path strings of an R2-shaped rule are
 * not built for each of 10,000 features.
 */
class CompileScope implements Scope {
  constructor(
    private readonly parent: CompileScope | undefined,
    private readonly key: string | number,
    private spelled: string | undefined,
  ) {}

  /** The root of this scope's tree (a loop: a scope chain is as deep as the rule). */
  private root(): RootScope {
    let scope: CompileScope = this;
    // Only a RootScope is built without a parent.
    while (scope.parent !== undefined) scope = scope.parent;
    return scope as RootScope;
  }

  get featureKey(): string | undefined {
    return this.root().options.featureKey;
  }

  get resolve(): Resolver | undefined {
    return this.root().options.resolve;
  }

  get bucket(): string {
    return this.root().bucketName;
  }

  /** The JSON path, spelled once from the nearest ancestor that has one (a loop: a scope chain is as deep as the rule). */
  get path(): string {
    if (this.spelled !== undefined) return this.spelled;
    const unspelled: CompileScope[] = [];
    let scope: CompileScope = this;
    while (scope.spelled === undefined) {
      unspelled.push(scope);
      // Only the root is built without a parent, and it is spelled.
      scope = scope.parent!;
    }
    let path = scope.spelled;
    for (let i = unspelled.length - 1; i >= 0; i--) {
      const s = unspelled[i]!;
      path = childPath(path, s.key);
      s.spelled = path;
    }
    return path;
  }

  at(key: string | number): Scope {
    // A child of a spelled scope takes its path from the shared table when it is there (or fits
    // in it): then it hangs from the root, and the scopes between are not kept alive by it.
    if (this.spelled !== undefined) {
      const path = sharedChildPath(this.spelled, key);
      if (path !== undefined) return new CompileScope(this.root(), key, path);
    }
    return new CompileScope(this, key, undefined);
  }

  // Each node is compiled by its tag's descriptor (runtime/vocabulary/).
  classifier(node: Classifier): Predicate {
    if (depth >= LEVELS_PER_DESCENT) return classifierLater(this, node);
    depth++;
    const predicate = classifierDescriptor(node).compile(node, this);
    depth--;
    return instrument === undefined ? predicate : instrument.classifier(node, this.path, predicate);
  }

  attribute(node: Attribute): Getter {
    if (depth >= LEVELS_PER_DESCENT) return attributeLater(this, node);
    depth++;
    const getter = attributeDescriptor(node).compile(node, this);
    depth--;
    return instrument === undefined ? getter : instrument.attribute(node, this.path, getter);
  }

  directNumber(node: Attribute): NumberKey | undefined {
    if (instrument !== undefined) return undefined;
    return attributeDescriptor(node).numberKey?.(node);
  }

  directContextKey(node: Attribute, yields: "string" | "version" | "number"): string | undefined {
    if (instrument !== undefined) return undefined;
    const descriptor = attributeDescriptor(node);
    return descriptor.yields === yields ? descriptor.contextKey?.(node) : undefined;
  }

  errorSite(): ErrorSite {
    // Only a spelled path is looked up: spelling one here would cost a deep tree O(depth) per node.
    if (this.spelled === undefined) return this;
    return sharedErrorSite(this.bucket, this.spelled) ?? this;
  }

  error(code: ErrorCode, message: string): EvaluationError {
    return new EvaluationError(code, this.bucket, this.path, message);
  }
}

/** The scope of a rule tree's root: it alone holds what the tree shares. */
class RootScope extends CompileScope {
  constructor(
    readonly options: CompileOptions,
    readonly bucketName: string,
    path: string,
  ) {
    super(undefined, "", path);
  }
}
