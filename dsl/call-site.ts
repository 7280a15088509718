import { relative, sep } from "node:path";
import type { SourceLocation } from "../runtime/offline-feature";

const DSL_FOLDER = __dirname + sep;

/**
 * The first stack frame outside the DSL: the line in a user's feature file that made the call.
 * Used to point errors and generated docs at `features/x.ts:12`.
 */
export function callSite(): SourceLocation | undefined {
  const stack = new Error().stack ?? "";
  for (const line of stack.split("\n").slice(1)) {
    const match = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):\d+\)?\s*$/.exec(line.trim());
    if (match === null) continue;
    const file = match[1]!.replace(/^at /, "");
    if (file.startsWith(DSL_FOLDER) || file.startsWith("node:") || file.includes(`${sep}node_modules${sep}`)) continue;
    return { file: relative(process.cwd(), file).split(sep).join("/"), line: Number(match[2]) };
  }
  return undefined;
}

/** A mistake in a feature definition, thrown when the definition runs, naming where and what. */
export class DefinitionError extends Error {
  override readonly name = "DefinitionError";
  constructor(
    readonly problem: string,
    readonly where: { readonly feature?: string; readonly bucket?: string; readonly source?: SourceLocation | undefined },
  ) {
    const place = where.source === undefined ? "" : `${where.source.file}:${where.source.line}: `;
    const subject = [
      where.feature === undefined ? undefined : `feature ${JSON.stringify(where.feature)}`,
      where.bucket === undefined ? undefined : `bucket ${JSON.stringify(where.bucket)}`,
    ]
      .filter((s) => s !== undefined)
      .join(", ");
    super(`${place}${subject === "" ? "" : `${subject}: `}${problem}`);
  }
}
