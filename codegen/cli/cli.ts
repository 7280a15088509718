import { parseArgs } from "./args";
import { check, formatCheck, formatSummary, generate } from "../generate";
import { display, resolveGenOptions, type GenOptionsInput } from "./options";
import { formatProblems, GenerationError } from "../problems";
import { terminalProgress } from "./progress";
import { watchFeatures } from "../watch";

/*
 * The command line: `offline-features gen [--check] [--watch] [--features DIR] [--out DIR]
 * [--runtime-import SPEC] [--no-cache]`, `offline-features import <pyof.json...> [--key K]
 * [--features DIR] [--force]`, `lint`, `explain <feature>` and `schema` (see USAGE). Exit codes: 0 done, 1 a failed run or stale output, 2 a usage error.
 */

const USAGE = `usage:
  offline-features gen [--check] [--watch] [--features DIR] [--out DIR] [--runtime-import SPEC] [--no-cache]
  offline-features import <pyof.json...> [--key KEY] [--features DIR] [--force]
  offline-features lint [--features DIR]
  offline-features explain <feature> [--features DIR]
  offline-features schema`;

/** Where the CLI writes; tests pass their own. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly stdout: NodeJS.WriteStream;
}

const processIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l), stdout: process.stdout };

function reportFailure(io: Io, error: unknown): number {
  if (error instanceof GenerationError) {
    io.err(`offline-features: generation failed; nothing was written:\n${error.message}`);
    return 1;
  }
  io.err(`offline-features: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}

async function gen(argv: readonly string[], io: Io): Promise<number | "watching"> {
  const args = parseArgs(argv, ["features", "out", "runtime-import"], ["check", "watch", "no-cache"]);
  if (args.positional.length > 0) throw new Error(`gen takes no arguments, found ${args.positional.join(" ")}`);
  const get = (name: string) => {
    const v = args.options.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const progress = io.stdout.isTTY ? terminalProgress(io.stdout) : undefined;
  const input: GenOptionsInput = {
    ...(get("features") === undefined ? {} : { features: get("features")! }),
    ...(get("out") === undefined ? {} : { out: get("out")! }),
    ...(get("runtime-import") === undefined ? {} : { runtimeImport: get("runtime-import")! }),
    ...(args.options.has("no-cache") ? { cacheDir: false as const } : {}),
    ...(progress === undefined ? {} : { onProgress: progress.listener }),
  };
  const options = resolveGenOptions(input);
  if (args.options.has("check") && args.options.has("watch")) throw new Error("--check and --watch do not go together");
  if (args.options.has("check")) {
    try {
      const result = await check(options);
      progress?.done();
      (result.ok ? io.out : io.err)(formatCheck(options, result));
      return result.ok ? 0 : 1;
    } catch (e) {
      progress?.done();
      return reportFailure(io, e);
    }
  }
  if (args.options.has("watch")) {
    watchFeatures(options, (event) => {
      progress?.done();
      if (event.ok) {
        for (const warning of event.summary.warnings) io.err(formatProblems([warning]));
        io.out(formatSummary(event.summary));
      } else reportFailure(io, event.error);
    });
    io.out(`watching ${display(options, options.featuresDir)}/ (Ctrl-C to stop)`);
    return "watching";
  }
  try {
    const summary = await generate(options);
    progress?.done();
    for (const warning of summary.warnings) io.err(formatProblems([warning]));
    io.out(formatSummary(summary));
    return 0;
  } catch (e) {
    progress?.done();
    return reportFailure(io, e);
  }
}

function importCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, ["key", "features"], ["force"]);
  if (args.positional.length === 0) throw new Error("import needs at least one PyOF JSON file");
  const key = args.options.get("key");
  const features = args.options.get("features");
  try {
    // Loaded here only: it pulls in ts-morph, which `gen` on an unchanged project never needs.
    const { importPyof } = require("../import/pyof") as typeof import("../import/pyof");
    const written = importPyof(args.positional, {
      ...(typeof key === "string" ? { key } : {}),
      ...(typeof features === "string" ? { features } : {}),
      force: args.options.has("force"),
    });
    const options = resolveGenOptions();
    for (const path of written) io.out(`wrote ${display(options, path)}`);
    return 0;
  } catch (e) {
    return reportFailure(io, e);
  }
}

function featuresOption(argv: readonly string[], flags: readonly string[] = []) {
  const args = parseArgs(argv, ["features"], flags);
  const features = args.options.get("features");
  return { args, options: resolveGenOptions(typeof features === "string" ? { features } : {}) };
}

async function lint(argv: readonly string[], io: Io): Promise<number> {
  const { args, options } = featuresOption(argv);
  if (args.positional.length > 0) throw new Error(`lint takes no arguments, found ${args.positional.join(" ")}`);
  const result = await inspect().lintCommand(options);
  for (const line of result.lines) (result.ok ? io.out : io.err)(line);
  return result.ok ? 0 : 1;
}

async function explain(argv: readonly string[], io: Io): Promise<number> {
  const { args, options } = featuresOption(argv);
  if (args.positional.length !== 1) throw new Error("explain takes one feature key");
  try {
    for (const line of await inspect().explainCommand(options, args.positional[0]!)) io.out(line);
    return 0;
  } catch (e) {
    if (!(e instanceof GenerationError)) throw e;
    io.err(`offline-features: ${e.message}`);
    return 1;
  }
}

/** `lint`, `explain` and `schema` need the full generator (ts-morph); `gen` on an unchanged project does not. */
function inspect(): typeof import("../inspect") {
  return require("../inspect") as typeof import("../inspect");
}

/**
 * Runs the CLI on `argv` (without `node` and the script). Resolves to the exit code; with `--watch`,
 * to "watching" while the watcher keeps the process alive.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number | "watching"> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "gen":
        return await gen(rest, io);
      case "import":
        return importCommand(rest, io);
      case "lint":
        return await lint(rest, io);
      case "explain":
        return await explain(rest, io);
      case "schema":
        if (rest.length > 0) throw new Error("schema takes no arguments");
        io.out(inspect().schemaText());
        return 0;
      case undefined:
      case "help":
      case "--help":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new Error(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    io.err(`offline-features: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== "watching") process.exitCode = code;
  });
}
