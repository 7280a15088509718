import type { Classifier } from "../../runtime/model/classifier";
import type { FeatureModel } from "../../runtime/model/feature";
import { forEachNode } from "../../runtime/model/walk";
import type { AttributeRead, TracedDetails, TraceNode, TraceOutcome } from "../../runtime/evaluate/trace";
import { describeAttribute, describeRule } from "../vocabulary/describe-rule";
import { shortJson } from "../output/emit/header";

/** How marks print: ✓/✗ on a terminal that takes them, plain words elsewhere. */
export interface TraceMarks {
  readonly pass: string;
  readonly fail: string;
  readonly error: string;
  readonly skipped: string;
}

/** The marks `eval --explain` prints. */
export const UNICODE_MARKS: TraceMarks = { pass: "✓", fail: "✗", error: "!", skipped: "·" };

/** The first line of an evaluation for people: `test → "holdout" = true (TARGETING_MATCH)`. */
export function formatOutcome(key: string, details: { readonly bucket: string; readonly value: unknown; readonly reason: string }): string {
  return `${key} → ${JSON.stringify(details.bucket)} = ${shortJson(details.value)} (${details.reason})`;
}

/**
 * A trace as an indented tree: each bucket tried, in order, with each rule node marked true,
 * false, failed or not evaluated, the attribute values it read, and the leaf that decided the
 * bucket pointed out. The lines end without the feature's errors, which the caller prints.
 */
export function renderTrace(model: FeatureModel, traced: TracedDetails<unknown>, marks: TraceMarks = UNICODE_MARKS): string[] {
  const lines: string[] = [];
  const trace = traced.trace;
  if (trace.disabled) {
    lines.push(`no rule evaluated: ${traced.reason === "DISABLED" ? `the feature is disabled outside node_versions ${JSON.stringify(model.node_versions)}` : "node_versions could not be checked"}`);
    return lines;
  }
  for (const bucket of trace.buckets) {
    const mark = bucket.outcome === "matched" ? marks.pass : bucket.outcome === "error" ? marks.error : marks.fail;
    const value = model.buckets[bucket.index]!.value;
    lines.push(`${mark} bucket ${JSON.stringify(bucket.name)} → ${shortJson(value)}${bucket.outcome === "matched" ? "  (matched)" : bucket.outcome === "error" ? "  (failed: not a match)" : ""}`);
    const nodes = nodesByPath(model.buckets[bucket.index]!.classifier, `buckets[${bucket.index}].classifier`);
    bucket.nodes.forEach((node, i) => {
      const composite = i + 1 < bucket.nodes.length && bucket.nodes[i + 1]!.depth > node.depth;
      const rule = nodes.get(node.path)!;
      const text = composite ? describeRule(rule).split("(")[0]! : describeRule(rule);
      lines.push(`${"  ".repeat(node.depth + 1)}${nodeMark(node, marks)} ${text}${readsText(rule, node.reads)}${resultText(node.result)}${node.decisive ? "   ← decided" : ""}`);
    });
  }
  if (traced.bucket === "default") {
    lines.push(`${traced.reason === "ERROR" ? marks.error : marks.pass} default → ${shortJson(model.default)}  (${traced.reason === "ERROR" ? "no bucket matched; some failed" : "no bucket matched"})`);
  }
  return lines;
}

function nodeMark(node: TraceNode, marks: TraceMarks): string {
  if (!node.evaluated) return marks.skipped;
  if (node.result === true) return marks.pass;
  if (node.result === false) return marks.fail;
  return marks.error;
}

function resultText(result: TraceOutcome | undefined): string {
  if (result === undefined) return "  (not evaluated)";
  if (typeof result === "object") return `  (${result.error}: ${result.message})`;
  return "";
}

function readsText(rule: Classifier, reads: readonly AttributeRead[]): string {
  if (reads.length === 0) return "";
  const attribute = "attribute" in rule ? rule.attribute : undefined;
  const parts = reads.map((read) => {
    const name = attribute === undefined ? read.tag : describeAttribute(read.path.endsWith(".attribute.attribute") && "attribute" in attribute ? (attribute as { attribute: typeof attribute }).attribute : attribute);
    if (typeof read.value !== "object" && name === JSON.stringify(read.value)) return undefined; // a literal reads itself
    return typeof read.value === "object" ? `${name} ${read.value.error === "ATTRIBUTE_MISSING" ? "is missing" : `failed (${read.value.error})`}` : `${name} = ${JSON.stringify(read.value)}`;
  });
  const shown = parts.filter((p) => p !== undefined);
  return shown.length === 0 ? "" : `   [${shown.join(", ")}]`;
}

function nodesByPath(root: Classifier, base: string): Map<string, Classifier> {
  const map = new Map<string, Classifier>();
  forEachNode(root, (node, relative) => map.set(relative === "" ? base : `${base}.${relative}`, node));
  return map;
}
