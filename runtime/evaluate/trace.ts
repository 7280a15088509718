import { isClassifier, type Classifier, type ClassifierTag, type NoneLiteral } from "../model/classifier";
import type { Attribute, AttributeTag } from "../model/attribute";
import type { FeatureModel } from "../model/feature";
import type { JsonValue } from "../model/json";
import { forEachNode } from "../model/walk";
import { compileRule, type CompileOptions, type Instrumentation } from "../compile/scope";
import type { AttributeValue, Predicate } from "../compile/types";
import { bucketLoop, withNodeVersionFilter } from "./bucket-loop";
import { nodeVersionFilter } from "./node-versions";
import type { EvaluationContext } from "./context";
import { EvaluationError, type ErrorCode, type EvaluationDetails } from "./details";

/** What a rule node or an attribute came to: true, false, or the error that stopped it. */
export type TraceOutcome = boolean | { readonly error: ErrorCode; readonly message: string };

/** One attribute a rule node read, and what it read. */
export interface AttributeRead {
  /** The attribute's JSON path in the feature document. */
  readonly path: string;
  readonly tag: AttributeTag;
  /** The value read (a version as its text), or the error (a missing context key is `ATTRIBUTE_MISSING`). */
  readonly value: string | number | boolean | { readonly error: ErrorCode; readonly message: string };
}

/** One rule node of a bucket that was tried. */
export interface TraceNode {
  /** The node's JSON path in the feature document (`buckets[0].classifier.value[1]`). */
  readonly path: string;
  readonly tag: ClassifierTag;
  /** 0 for the bucket's root rule, 1 for its children, and so on. */
  readonly depth: number;
  /** False for a node that short-circuiting skipped (or that an earlier failure never reached). */
  readonly evaluated: boolean;
  /** The node's result; absent when it was not evaluated. */
  readonly result?: TraceOutcome;
  /** The attributes it read, innermost last (a `random.unit` reads its unit too). */
  readonly reads: readonly AttributeRead[];
  /** What the node compares against (the literal, the list, the pattern, the prerequisite's buckets). */
  readonly operand?: unknown;
  /** True for the evaluated leaf that settled its bucket's outcome (the last leaf evaluated). */
  readonly decisive: boolean;
}

/** A bucket that was tried, in bucket order; the last one listed is the one that matched, if any. */
export interface BucketTrace {
  readonly index: number;
  readonly name: string;
  /** `matched`, `no-match`, or `error` (the bucket did not match because a rule failed). */
  readonly outcome: "matched" | "no-match" | "error";
  /** Every rule node of the bucket, parents before children. */
  readonly nodes: readonly TraceNode[];
}

/** Why an evaluation came out as it did, node by node. */
export interface EvaluationTrace {
  readonly feature: string | undefined;
  /** The buckets tried, in order; empty when the feature is disabled for this runtime. */
  readonly buckets: readonly BucketTrace[];
  /** True when `node_versions` switched the feature off (or its override was unreadable), so no rule ran. */
  readonly disabled: boolean;
}

/** Evaluation details with the trace that explains them. */
export interface TracedDetails<V, B extends string = string> extends EvaluationDetails<V, B> {
  readonly trace: EvaluationTrace;
}

/** A compiled feature that records, on each call, what every node did. Off the hot path by design. */
export type TracedEvaluator = (ctx: EvaluationContext | undefined) => TracedDetails<JsonValue>;

interface Recorded {
  readonly outcome: TraceOutcome;
  readonly order: number;
}

/**
 * Compiles a second evaluator for a feature, whose closures record each node's result and each
 * attribute read. It runs the same operators and the same bucket loop as the ordinary evaluator,
 * so its details are the ordinary ones; it is built on first use, never for features nobody traces.
 */
export function compileTracer(model: FeatureModel, options: CompileOptions): TracedEvaluator {
  const results = new Map<string, Recorded>();
  const reads = new Map<string, { readonly tag: AttributeTag; readonly value: AttributeRead["value"] }>();
  let order = 0;
  const instrument: Instrumentation = {
    classifier: (_node: Classifier, path: string, predicate: Predicate): Predicate => (ctx) => {
      const r = predicate(ctx);
      results.set(path, { outcome: outcomeOf(r), order: order++ });
      return r;
    },
    attribute: (node: Attribute, path, getter) => (ctx) => {
      const v = getter(ctx);
      reads.set(path, { tag: node.__type, value: readValue(v) });
      return v;
    },
  };
  const traced = { ...options, instrument };
  const predicates = model.buckets.map((b, i) => compileRule(traced, b.name, `buckets[${i}].classifier`, b.classifier));
  const loop = bucketLoop(model.buckets, predicates, model.default, undefined);
  const compiled = model.node_versions === undefined ? loop : withNodeVersionFilter(loop, nodeVersionFilter(model.node_versions), model.default);

  return (ctx) => {
    results.clear();
    reads.clear();
    order = 0;
    const details = compiled.evaluate(ctx);
    // Outside its Node.js versions (or with an unreadable `nodeVersion` override) no rule runs.
    const disabled = details.reason === "DISABLED" || (model.node_versions !== undefined && results.size === 0 && details.errors.length > 0);
    const buckets: BucketTrace[] = [];
    if (!disabled) {
      for (let i = 0; i < model.buckets.length; i++) {
        const bucket = buckets.length;
        buckets.push(bucketTrace(model, i, results, reads));
        if (buckets[bucket]!.outcome === "matched") break;
      }
    }
    return { ...details, trace: { feature: options.featureKey, buckets, disabled } };
  };
}

function bucketTrace(
  model: FeatureModel,
  index: number,
  results: ReadonlyMap<string, Recorded>,
  reads: ReadonlyMap<string, { readonly tag: AttributeTag; readonly value: AttributeRead["value"] }>,
): BucketTrace {
  const bucket = model.buckets[index]!;
  const base = `buckets[${index}].classifier`;
  const nodes: { node: TraceNode; order: number; leaf: boolean }[] = [];
  const ancestors: string[] = [];
  const readsByNode = new Map<string, [string, { readonly tag: AttributeTag; readonly value: AttributeRead["value"] }][]>();
  for (const entry of reads) {
    const at = entry[0].indexOf(".attribute");
    if (at < 0) continue;
    const owner = entry[0].slice(0, at);
    const list = readsByNode.get(owner);
    if (list === undefined) readsByNode.set(owner, [entry]);
    else list.push(entry);
  }
  forEachNode(bucket.classifier, (node, relative) => {
    const path = relative === "" ? base : `${base}.${relative}`;
    while (ancestors.length > 0 && !path.startsWith(`${ancestors[ancestors.length - 1]!}.`)) ancestors.pop();
    const depth = ancestors.length;
    ancestors.push(path);
    const recorded = results.get(path);
    const nodeReads: AttributeRead[] = [];
    for (const [readPath, read] of readsByNode.get(path) ?? []) nodeReads.push({ path: readPath, ...read });
    nodeReads.sort((a, b) => a.path.length - b.path.length);
    const operand = operandOf(node);
    const traceNode: TraceNode = {
      path,
      tag: node.__type,
      depth,
      evaluated: recorded !== undefined,
      ...(recorded === undefined ? {} : { result: recorded.outcome }),
      reads: nodeReads,
      ...(operand === undefined ? {} : { operand }),
      decisive: false,
    };
    nodes.push({ node: traceNode, order: recorded?.order ?? -1, leaf: true });
  });
  // A node is a leaf when the next node is not its child.
  for (let i = 0; i < nodes.length - 1; i++) if (nodes[i + 1]!.node.depth > nodes[i]!.node.depth) nodes[i]!.leaf = false;
  let decisive = -1;
  nodes.forEach((n, i) => {
    if (n.leaf && n.order >= 0 && (decisive < 0 || n.order > nodes[decisive]!.order)) decisive = i;
  });
  const root = results.get(base)?.outcome;
  const outcome = root === true ? "matched" : root === false ? "no-match" : "error";
  return {
    index,
    name: bucket.name,
    outcome,
    nodes: nodes.map((n, i) => (i === decisive ? { ...n.node, decisive: true } : n.node)),
  };
}

function outcomeOf(r: boolean | EvaluationError): TraceOutcome {
  return typeof r === "boolean" ? r : { error: r.code, message: r.message };
}

function readValue(v: AttributeValue | EvaluationError): AttributeRead["value"] {
  if (v instanceof EvaluationError) return { error: v.code, message: v.message };
  if (typeof v === "object") {
    const core = `${v.major}.${v.minor}.${v.patch}`;
    return v.prerelease.length === 0 ? core : `${core}-${v.prerelease.join(".")}`;
  }
  return v;
}

/** A node's literal side, told by the node's shape so that no tag needs listing here. */
function operandOf(node: Classifier): unknown {
  if ("feature" in node) return { feature: node.feature, buckets: node.value };
  if ("attribute" in node) return node.value;
  // The boolean family holds child rules (a list, or one rule) or, for a negated literal, the literal.
  const value: Classifier | NoneLiteral | readonly Classifier[] = node.value;
  if (Array.isArray(value)) return value.length === 0 || value.some((v) => isClassifierValue(v)) ? undefined : value;
  return isClassifierValue(value) ? undefined : value;
}

function isClassifierValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && isClassifier(value as Classifier);
}

/**
 * A trace in one line, for places that take only strings (OpenFeature's `flagMetadata`): each
 * bucket tried with its outcome and the path of the leaf that settled it, below the bucket's rule
 * (`holdout:no-match@value[1] control:matched@value[1]`).
 */
export function compactTrace(trace: EvaluationTrace): string {
  if (trace.disabled) return "disabled";
  return trace.buckets
    .map((b) => {
      const leaf = b.nodes.find((n) => n.decisive)?.path;
      const base = `buckets[${b.index}].classifier`;
      const at = leaf === undefined ? "" : `@${leaf === base ? "." : leaf.slice(base.length + 1)}`;
      return `${b.name}:${b.outcome}${at}`;
    })
    .join(" ");
}
