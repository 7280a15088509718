import type { FeatureModel } from "../../../runtime/model/feature";
import type { SourceLocation } from "../../../runtime/offline-feature";
import type { Classifier } from "../../../runtime/model/classifier";
import { forEachNode } from "../../../runtime/model/walk";

/** A feature as lint sees it: its key, its model, and where it and its buckets were defined. */
export interface LintSubject {
  readonly key: string;
  readonly model: FeatureModel;
  readonly source?: SourceLocation | undefined;
  readonly bucketSources?: Readonly<Record<string, SourceLocation>>;
}

/** Errors block `gen`; warnings are printed and do not. */
export type Severity = "error" | "warning";

/** One problem lint found: which rule, where (file:line and JSON path), and what. */
export interface LintFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly feature: string;
  readonly bucket?: string;
  /** JSON path within the feature's document, such as `buckets[1].classifier.value[0]`. */
  readonly path?: string;
  readonly source?: SourceLocation | undefined;
  readonly message: string;
}

/**
 * What a rule's check reports: where and what. The runner adds the rule's name and the severity
 * from the rule's definition, so a rule never restates them. `level` picks one of the rule's
 * levels when it has several (context-types: within a feature, across features).
 */
export interface RuleFinding<L extends string = string> {
  readonly level?: L;
  readonly feature: string;
  readonly bucket?: string;
  readonly path?: string;
  readonly source?: SourceLocation | undefined;
  readonly message: string;
}

/**
 * A lint rule: looks at every feature of a project at once (some rules compare features). Its
 * severity is one level, or a severity per level of finding it reports.
 */
export interface LintRule<L extends string = string> {
  readonly name: string;
  readonly severity: Severity | { readonly [K in L]: Severity };
  readonly check: (subjects: readonly LintSubject[]) => readonly RuleFinding<L>[];
}

/** Where a finding about `bucket` of `subject` points: the bucket's line, else the feature's. */
export function locate(subject: LintSubject, bucket?: string): SourceLocation | undefined {
  return (bucket === undefined ? undefined : subject.bucketSources?.[bucket]) ?? subject.source;
}

/** Where a rule node sits: its feature, bucket, JSON path and source line, ready for a finding. */
export interface NodePlace {
  readonly feature: string;
  readonly bucket: string;
  readonly path: string;
  readonly source: SourceLocation | undefined;
}

/** Calls `visit` on every classifier node of every bucket of `subject`, with its place. */
export function forEachRuleNode(subject: LintSubject, visit: (node: Classifier, place: NodePlace) => void): void {
  subject.model.buckets.forEach((bucket, b) => {
    const source = locate(subject, bucket.name);
    forEachNode(bucket.classifier, (node, path) => visit(node, { feature: subject.key, bucket: bucket.name, path, source }), `buckets[${b}].classifier`);
  });
}
