import { Command, CommanderError } from "commander";
import { COMMANDS, UsageError, type CliCommand, type CommandResult } from "./commands";
import { paint, processIo, type Io } from "./io";
import { packageVersion } from "./package-info";
import { toolchainProblem, type Resolver } from "./toolchain";

/*
 * The command line, on commander: `offline-features <command> [flags]`, the commands in
 * commands/. Conventions: `-h/--help` on every command, `-V/--version`, `--` ends the flags,
 * `--json` on the commands that report. Exit codes: 0 done, 1 a failed run or check, 2 a usage
 * error (on stderr, with a pointer to --help). Loading this module loads commander and the
 * command table only: `--help` and `--version` never load the generator.
 */

export type { Io } from "./io";

const EXIT_CODES = `
Exit codes: 0 done, 1 a failed run or check (problems on stderr), 2 a usage error.
Colour only on a terminal, never under NO_COLOR.`;

/** Settings for tests: how the toolchain is found. */
export interface MainSettings {
  readonly resolve?: Resolver;
}

function program(io: Io, run: (command: CliCommand, cmd: Command) => Promise<void>): Command {
  const root = new Command("offline-features")
    .description("Feature flags and configurations as code: generate typed getters from features/*.ts")
    .version(packageVersion(), "-V, --version", "print the version and exit")
    .helpOption("-h, --help", "show help for the command")
    .helpCommand("help [command]", "show help for a command")
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, "")),
      writeErr: (text) => io.err(text.replace(/\n$/, "")),
      outputError: (text, write) => write(paint(io, "red", text)),
      getOutHasColors: () => io.colour === true,
      getErrHasColors: () => io.colour === true,
    })
    .configureHelp({ styleTitle: (title) => paint(io, "bold", title) })
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .addHelpText("after", EXIT_CODES);
  for (const spec of COMMANDS) {
    const command = root.command(spec.name).description(spec.description);
    spec.configure(command);
    command.action(async (...all: unknown[]) => run(spec, all[all.length - 1] as Command));
  }
  return root;
}

/**
 * Runs the CLI on `argv` (without `node` and the script). Resolves to the exit code; with `--watch`,
 * to "watching" while the watcher keeps the process alive.
 */
export async function main(argv: readonly string[], io: Io = processIo(), settings: MainSettings = {}): Promise<CommandResult> {
  let result: CommandResult = 0;
  const cli = program(io, async (spec, command) => {
    const name = spec.name;
    const problem = toolchainProblem(name, spec.needs, settings.resolve);
    if (problem !== undefined) {
      io.err(paint(io, "red", problem));
      result = 1;
      return;
    }
    try {
      result = await spec.run({ args: command.processedArgs, options: command.opts(), io });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`${paint(io, "red", `error: ${e.message}`)}\n(add --help for usage)`);
      result = 2;
    }
  });
  try {
    await cli.parseAsync([...argv], { from: "user" });
    return result;
  } catch (e) {
    // --help and --version end with exit code 0; every other commander error is a usage error.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(paint(io, "red", `offline-features: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return 1;
  }
}
