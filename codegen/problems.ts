/*
 * Every failure of a run is a list of problems, each saying where (a `file:line` relative to the
 * working folder, or a JSON path) and what. Problems are collected, not thrown one by one, so a run
 * over many feature files reports all of them at once.
 */

/** One thing wrong, and where. */
export interface Problem {
  /** `features/x.ts:12`, `ofs/test.json`, or undefined when no place applies. */
  readonly where?: string | undefined;
  readonly message: string;
}

/** `file:line` for messages. */
export function at(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

/** The lines a user reads: `where: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.where === undefined ? p.message : `${p.where}: ${p.message}`)).join("\n");
}

/** A run that failed; nothing was written. */
export class GenerationError extends Error {
  override readonly name = "GenerationError";
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
  }
}
