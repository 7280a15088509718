import { contextTypes } from "./rules/context-types";
import { contradictoryRanges } from "./rules/contradictory-ranges";
import { prerequisites } from "./rules/prerequisites";
import { sharedSalt } from "./rules/shared-salt";
import { unreachableBucket } from "./rules/unreachable-bucket";
import type { LintFinding, LintRule, LintSubject, RuleFinding, Severity } from "./types";

/** Every rule `lint` and `gen` run, in reporting order. */
export const LINT_RULES: readonly LintRule[] = [prerequisites, unreachableBucket, contradictoryRanges, sharedSalt, contextTypes];

/** The severity of a finding, from its rule's definition (and the finding's level, for a rule with several). */
function severityOf(rule: LintRule, level: RuleFinding["level"]): Severity {
  if (typeof rule.severity === "string") return rule.severity;
  const severity = level === undefined ? undefined : rule.severity[level];
  if (severity === undefined) throw new Error(`lint rule ${rule.name} reported level ${String(level)}, which its definition does not have`);
  return severity;
}

/** Runs every rule over the project's features; errors first, then warnings, each in rule order. */
export function lintFeatures(subjects: readonly LintSubject[], rules: readonly LintRule[] = LINT_RULES): readonly LintFinding[] {
  const findings = rules.flatMap((rule) =>
    rule.check(subjects).map(({ level, ...finding }): LintFinding => ({ rule: rule.name, severity: severityOf(rule, level), ...finding })),
  );
  return [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
}

/** Where a finding points: `features/x.ts:12`, or undefined when the feature's source is unknown. */
export function findingWhere(f: LintFinding): string | undefined {
  return f.source === undefined ? undefined : `${f.source.file}:${f.source.line}`;
}

/** What a finding says, without its place: `feature "x", bucket "b" (buckets[1]): … [rule]`. */
export function findingText(f: LintFinding): string {
  const subject = [`feature ${JSON.stringify(f.feature)}`, f.bucket === undefined ? undefined : `bucket ${JSON.stringify(f.bucket)}`].filter(Boolean).join(", ");
  return `${subject}${f.path === undefined ? "" : ` (${f.path})`}: ${f.message} [${f.rule}]`;
}

/** One line per finding: `features/x.ts:12: error: feature "x", bucket "b" (buckets[1]): … [rule]`. */
export function formatFinding(f: LintFinding): string {
  return `${findingWhere(f) ?? `feature ${f.feature}`}: ${f.severity}: ${findingText(f)}`;
}
