import type { Io } from "../io";
import { paint, printJson } from "../io";
import type { Problem } from "../../problems";

/*
 * How commands report a failed run: a GenerationError lists problems (file:line and what), anything
 * else is a bug or an environment failure and prints its stack. Both exit 1.
 */

/** What a thrown error says, as problems when it is a GenerationError (matched by name: lazily loaded). */
function problemsOf(error: unknown): readonly Problem[] | undefined {
  if (error instanceof Error && error.name === "GenerationError") return (error as Error & { problems: readonly Problem[] }).problems;
  return undefined;
}

/** Prints a failure (`--json`: `{ ok: false, problems }` on stdout) and returns exit code 1. */
export function reportFailure(io: Io, error: unknown, json: boolean, heading = "generation failed; nothing was written"): number {
  const problems = problemsOf(error);
  if (json) {
    printJson(io, { ok: false, problems: problems ?? [{ message: error instanceof Error ? error.message : String(error) }] });
    return 1;
  }
  if (problems !== undefined) {
    const message = (error as Error).message;
    io.err(heading === "" ? `${paint(io, "red", "offline-features:")} ${message}` : `${paint(io, "red", `offline-features: ${heading}:`)}\n${message}`);
    return 1;
  }
  io.err(paint(io, "red", `offline-features: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  return 1;
}
