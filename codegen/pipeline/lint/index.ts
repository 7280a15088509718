/**
 * Lint rules run by the generator (`offline-features lint`, `npm run gen`) over feature files.
 * Errors block generation; warnings are printed.
 */
export { lintFeatures, formatFinding, findingWhere, findingText, LINT_RULES } from "./lint";
export type { LintFinding, LintRule, LintSubject, RuleFinding, Severity } from "./types";
