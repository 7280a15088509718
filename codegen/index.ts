/**
 * The generator behind `npm run gen` and `offline-features import`. Its public surface, by name:
 *
 * - {@link generate}: write generated files for the features (only what changed); async.
 * - {@link check}: compare without writing (`gen --check`); async.
 * - {@link watchFeatures}: regenerate on change (`gen --watch`).
 * - {@link importPyof}: turn PyOF JSON into DSL source (`offline-features import`).
 * - {@link describeRule}: a classifier in readable form, as generated docs show it.
 * - {@link lintFeatures}, {@link formatFinding}: the static checks `gen` and `lint` run.
 * - {@link trafficShares}, {@link describeShares}: exact traffic shares (`explain`, generated docs).
 * - {@link lintCommand}, {@link explainCommand}, {@link schemaText}: `lint`, `explain` and `schema`.
 * - {@link resolveGenOptions}, {@link formatSummary}, {@link formatCheck}, {@link GenerationError}, {@link main}.
 */
// The generator decodes and evaluates every pattern a feature file may hold: re2js as the regex engine.
import "../runtime/re2";
export { generate, check, formatSummary, formatCheck, type GenSummary, type CheckResult } from "./generate";
export { watchFeatures, type Watcher, type WatchEvent } from "./watch";
export { importPyof, type ImportOptions } from "./import/pyof";
export { describeRule } from "./vocabulary/describe-rule";
export { lintFeatures, formatFinding, LINT_RULES, type LintFinding, type LintRule, type LintSubject } from "./pipeline/lint";
export { trafficShares, formatShare, type ShareAnalysis, type Scenario, type Condition } from "./pipeline/analysis/shares";
export { describeShares } from "./pipeline/analysis/describe-shares";
export { lintCommand, explainCommand, schemaText } from "./inspect";
export { resolveGenOptions, type GenOptions, type GenOptionsInput } from "./cli/options";
export { GenerationError, type Problem } from "./problems";
export { main } from "./cli";
