import { relative, sep } from "node:path";
import type { SourceLocation } from "../runtime/offline-feature";

const DSL_FOLDER = __dirname + sep;

/** `at fn (file:line:col)` or `at file:line:col`; the file may start with a Windows drive letter. */
const LOCATION = /(?:\(|at )((?:[A-Za-z]:[\\/])?[^():]+):(\d+):\d+\)?$/;

/** V8's hook that turns captured frames into `error.stack`; source-map-support installs one under ts-node. */
type FormatStack = (error: Error, frames: NodeJS.CallSite[]) => unknown;
const errorClass = Error as { prepareStackTrace?: FormatStack | undefined };

/**
 * The first stack frame outside the DSL: the line in a user's feature file that made the call.
 * Used to point errors and generated docs at `features/x.ts:12`.
 *
 * Every DSL call asks for this, so on a cold `gen` of 1,000 features it runs tens of thousands of
 * times. Formatting the whole stack through source maps was a third of loading a feature file, so
 * the frames are captured raw, the caller is picked by its file name, and only that one frame is
 * handed to the installed formatter (which maps it to the `.ts` line).
 */
export function callSite(): SourceLocation | undefined {
  const format = errorClass.prepareStackTrace;
  // Without a formatter (or with a value V8 ignores), Node formats stacks itself, and maps them
  // under --enable-source-maps.
  if (typeof format !== "function") return firstOutsideDsl((new Error().stack ?? "").split("\n").slice(1));
  const holder: { stack?: unknown } = {};
  errorClass.prepareStackTrace = (_error, frames) => frames;
  let frames: unknown;
  try {
    Error.captureStackTrace(holder, callSite);
    // V8 formats lazily: read the stack while the raw-frames hook is still installed.
    frames = holder.stack;
  } finally {
    // Back before any formatting: the formatter below, and any error it raises, see the real hook.
    errorClass.prepareStackTrace = format;
  }
  if (!Array.isArray(frames)) return undefined;
  for (const frame of frames as NodeJS.CallSite[]) {
    const file = frame.getFileName();
    if (file === undefined || file === null || isLibraryFile(file)) continue;
    // Usually the first candidate is the answer; one the formatter maps into a library file
    // (a bundled or remapped build) is passed over, as a line of the whole stack would be.
    const formatted = format(new Error(), [frame]);
    const location = typeof formatted === "string" ? firstOutsideDsl(formatted.split("\n").slice(1)) : undefined;
    if (location !== undefined) return location;
  }
  return undefined;
}

function isLibraryFile(file: string): boolean {
  return file.startsWith(DSL_FOLDER) || file.startsWith("node:") || file.includes(`${sep}node_modules${sep}`);
}

function firstOutsideDsl(stackLines: readonly string[]): SourceLocation | undefined {
  for (const line of stackLines) {
    const match = LOCATION.exec(line.trim());
    if (match === null) continue;
    const file = match[1]!;
    if (isLibraryFile(file)) continue;
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
