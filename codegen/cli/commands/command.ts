import type { Command } from "commander";
import type { Io } from "../io";
import type { ToolchainPackage } from "../toolchain";

/*
 * One CLI command, as data: its name and arguments, its description, the flags it declares (each
 * with a description, for `--help`), what it needs installed, and what it does. Adding a command
 * is one file in this folder plus its line in `commands/index.ts`.
 *
 * A command's module must stay light: it is loaded for `--help` and `--version`, which answer in
 * well under a second. The generator (ts-morph, TypeScript) is imported inside `run` only.
 */

/** What a command resolves to: an exit code (0 done, 1 a failed run or check), or "watching". */
export type CommandResult = number | "watching";

/** A command's parsed input. */
export interface Invocation {
  /** The declared arguments, in order (a variadic one is an array). */
  readonly args: readonly unknown[];
  /** The flags, by commander's camel-cased names (`--runtime-import` is `runtimeImport`). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly io: Io;
}

export interface CliCommand {
  /** The command's name (`explain`); its arguments are declared, with descriptions, in `configure`. */
  readonly name: string;
  /** One line for `offline-features --help`, the first of `offline-features <name> --help`. */
  readonly description: string;
  /** The toolchain packages the command loads (peer dependencies); checked before it runs. */
  readonly needs: readonly ToolchainPackage[];
  /** Declares the command's arguments' descriptions and its flags on `command`. */
  readonly configure: (command: Command) => void;
  readonly run: (invocation: Invocation) => Promise<CommandResult>;
}

/**
 * A usage mistake commander cannot see (flags that do not go together, say): exit 2, on stderr,
 * with a pointer to the command's `--help`.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
