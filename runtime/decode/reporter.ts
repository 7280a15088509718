import type * as t from "io-ts";
import { describeValue } from "../describe-value";

/** Kept here too for code written before runtime/describe-value.ts held it. */
export { describeValue };

/** One problem found while decoding: where (a JSON path like `buckets[1].classifier`) and what. */
export interface DecodeIssue {
  readonly path: string;
  readonly message: string;
}

/** Renders a JSON path from an io-ts context: array indices as `[i]`, object keys as `.key`. */
export function pathOf(context: t.Context): string {
  let path = "";
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]!;
    const parent = context[i - 1]!.actual;
    // Combinators such as t.intersection re-validate the same value under a member index: not a path step.
    if (entry.actual === parent && typeof parent === "object" && parent !== null && !Array.isArray(parent)) continue;
    if (Array.isArray(parent) && /^\d+$/.test(entry.key)) path += `[${entry.key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(entry.key)) path += path === "" ? entry.key : `.${entry.key}`;
    else path += `[${JSON.stringify(entry.key)}]`;
  }
  return path;
}

/**
 * Turns io-ts errors into issues: one per distinct path and message, in input order. A codec's own
 * message wins; otherwise the message is "expected <type>, found <value>".
 */
export function reportIssues(errors: t.Errors): readonly DecodeIssue[] {
  const seen = new Set<string>();
  const issues: DecodeIssue[] = [];
  for (const error of errors) {
    const last = error.context[error.context.length - 1];
    const message = error.message ?? `expected ${last?.type.name ?? "a value"}, found ${describeValue(error.value)}`;
    const issue = { path: pathOf(error.context), message };
    const key = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

/** The issues as the lines a user reads: `path: message`. */
export function formatIssues(issues: readonly DecodeIssue[]): string {
  return issues.map((i) => `${i.path === "" ? "(root)" : i.path}: ${i.message}`).join("\n");
}
