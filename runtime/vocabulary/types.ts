import type * as t from "io-ts";
import type { Attribute } from "../model/attribute";
import type { Classifier } from "../model/classifier";
import type { Getter, NumberKey, Predicate, Scope } from "../compile/types";
import type { PinnableKey } from "../evaluate/context";

/*
 * A descriptor is everything the runtime knows about one tag, in one file named after it
 * (runtime/vocabulary/classifiers/<tag>.ts, runtime/vocabulary/attributes/<tag>.ts). The tables
 * that used to be written by hand (codec union, compilers, schema, traversal, traits) are built by
 * mapping over the descriptor lists in the two index files, so a new tag is one new descriptor
 * (plus its codegen descriptor and its DSL function, which the codegen tables' types ask for).
 *
 * The node's JSON Schema is in the same file but not in the descriptor: an `<name>Schema` thunk
 * beside it, which runtime/schema's tables (typed by tag, so they ask for a new one) call. A
 * descriptor is what decoding and compiling reach, so everything it holds is in every app bundle;
 * the schema (descriptions included) is for `gen` and editors, not for evaluation.
 */

/** What a node looks like: a record tagged `__type` as the JSON tags it. */
export interface TaggedNode {
  readonly __type: string;
}

/** A child classifier of a node, with the JSON path segment that leads to it (`value[0]`, `value`). */
export interface ChildClassifier {
  readonly key: string;
  readonly node: Classifier;
}

/** How a classifier node holds its parts, for the generic walker (runtime/model/walk.ts). */
export type ClassifierParts<N> =
  /** The node reads one attribute, under its `attribute` field (every comparison). */
  | { readonly kind: "attribute"; readonly attribute: (node: N) => Attribute; readonly withAttribute: (node: N, attribute: Attribute) => N }
  /** The node holds child classifiers (the boolean nodes); `withChildren` rebuilds it from mapped ones. */
  | {
      readonly kind: "children";
      readonly children: (node: N) => readonly ChildClassifier[];
      /** The same children without their path keys, for walks that need no paths: no record per child (a store walks every tree at load). */
      readonly childNodes: (node: N) => readonly Classifier[];
      readonly withChildren: (node: N, children: readonly Classifier[]) => N;
    }
  /** The node holds neither (a prerequisite). */
  | { readonly kind: "leaf" };

/** Everything the runtime knows about one classifier tag. */
export interface ClassifierDescriptor<N extends TaggedNode> {
  /** The `__type` tag, as the JSON writes it. */
  readonly tag: N["__type"];
  /** The io-ts codec: the single source of the node's JSON shape (and of its type, through `t.TypeOf`). */
  readonly codec: t.Type<N, N, unknown>;
  /** Compiles the node into a closure, once per load; the closure allocates nothing it could allocate here. */
  readonly compile: (node: N, scope: Scope) => Predicate;
  /** Where the node keeps its child classifiers or its attribute. */
  readonly parts: ClassifierParts<N>;
  /**
   * The feature this node depends on, for prerequisites (cycle checks, lint, process-constancy):
   * a node that names one is never process-constant, since that feature may read the context.
   */
  readonly prerequisite?: (node: N) => { readonly feature: string; readonly buckets: readonly string[] };
}

/**
 * What kind of value an attribute yields. Operators that need one kind take only the attributes
 * that yield it (`semver.*` a version, `time.*` an instant); the analysis and the DSL read it too.
 */
export type AttributeYield = "number" | "string" | "boolean" | "version" | "instant" | "nothing";

/** Everything the runtime knows about one attribute tag. */
export interface AttributeDescriptor<N extends TaggedNode, Y extends AttributeYield = AttributeYield, C extends string | undefined = string | undefined> {
  /** The `__type` tag, as the JSON writes it. */
  readonly tag: N["__type"];
  /** The io-ts codec: the single source of the node's JSON shape. */
  readonly codec: t.Type<N, N, unknown>;
  /** Compiles the attribute into a getter. */
  readonly compile: (node: N, scope: Scope) => Getter;
  /**
   * True when, absent context overrides, the value is the same for the whole process. A feature
   * that reads only such attributes has its result memoized.
   */
  readonly processConstant: boolean;
  /**
   * True when compiling the attribute reads process state that can still change (an environment
   * variable) and the attribute promises the value as of load: a feature that holds one is
   * compiled when it loads instead of on its first evaluation (runtime/offline-feature.ts).
   */
  readonly readAtLoad?: true;
  /** What the getter yields. */
  readonly yields: Y;
  /** For a context attribute: the TypeScript type the evaluation context must give it (generated getters type their parameter with it). */
  readonly contextType?: C;
  /** For a random draw: whether it is per rollout unit (`unit`, salted by default with the feature key) or per session. */
  readonly draw?: "unit" | "session";
  /**
   * For a number attribute that takes a number the context gives under one key as is (a test pin:
   * `random.session`'s `sessionRandom`): the key, and the range `[min, below)` such a number must
   * lie in. (`context.number`, which is the key itself, has a `contextKey` instead.) Orderings
   * over the attribute read the key in their own closure and compare at once, so the number never
   * crosses a call (a double returned from a call V8 does not inline is boxed: a heap number per
   * evaluation); any other value, or none, goes through the getter as before.
   */
  readonly numberKey?: (node: N) => NumberKey;
  /**
   * For an attribute that is what the context gives under one key, read as `yields` says, and an
   * error otherwise (`context.string`, `context.version`, `context.number`): the key. An operator
   * over it may read the key and test the value in its own closure, one closure and context per
   * comparison instead of two, with the getter's answers and errors (`eq` and the memberships over
   * a string: classifiers/shapes/context-string-tests.ts; `semver.*` over a version:
   * classifiers/shapes/context-version-order.ts; the orderings over a number:
   * classifiers/shapes/context-number-order.ts).
   */
  readonly contextKey?: (node: N) => string;
  /**
   * For a process-wide attribute read first from a context key: the key, and whether the
   * process's own value given under it reads exactly as no context does (`pinnable`; a salted
   * session random is not: it takes a pinned number as is). A memo is computed with the pinnable
   * keys filled in (runtime/evaluate/context.ts, memoContext) unless an attribute says otherwise.
   */
  readonly ambientPin?: (node: N) => { readonly key: PinnableKey; readonly pinnable: boolean };
  /** For an attribute that holds an attribute (a rollout's unit): how to read and replace it. */
  readonly inner?: { readonly get: (node: N) => Attribute; readonly with: (node: N, inner: Attribute) => N };
}

