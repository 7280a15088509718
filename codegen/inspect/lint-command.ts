import { generateInMemory } from "../pipeline/plan-outputs";
import type { GenOptions } from "../cli/options";
import { formatProblems, GenerationError, type Problem } from "../problems";

/** What `lint` found: the problems that block generation, and the warnings. */
export interface LintReport {
  readonly ok: boolean;
  /** Features checked; 0 when an error stopped the run before they were all read. */
  readonly features: number;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** `lint --json`: everything `gen` checks, writing nothing, as data. */
export async function lintReport(options: GenOptions): Promise<LintReport> {
  try {
    const generated = await generateInMemory(options);
    return { ok: true, features: generated.featureCount, errors: [], warnings: generated.warnings };
  } catch (e) {
    if (e instanceof GenerationError) return { ok: false, features: 0, errors: e.problems, warnings: [] };
    throw e;
  }
}

/**
 * `lint`: everything `gen` checks (compile errors, definitions, keys, static checks), writing
 * nothing. Resolves to the lines to print and whether the features passed.
 */
export async function lintCommand(options: GenOptions): Promise<{ ok: boolean; lines: string[] }> {
  const report = await lintReport(options);
  if (!report.ok) return { ok: false, lines: [formatProblems(report.errors)] };
  const warnings = report.warnings.map((w) => formatProblems([w]));
  const summary = `${report.features} feature${report.features === 1 ? "" : "s"} checked: no errors${warnings.length === 0 ? ", no warnings" : `, ${warnings.length} warning${warnings.length === 1 ? "" : "s"}`}`;
  return { ok: true, lines: [...warnings, summary] };
}
