/**
 * Every command of `offline-features`, in the order `--help` lists them. A new command is a file
 * in this folder exporting a {@link CliCommand}, and its line here.
 */
import type { CliCommand } from "./command";
import { diffCommand } from "./diff";
import { evalCommand } from "./eval";
import { explainCommand } from "./explain";
import { genCommand } from "./gen";
import { importCommand } from "./import";
import { lintCommand } from "./lint";
import { schemaCommand } from "./schema";
import { simulateCommand } from "./simulate";
import { testCommand } from "./test";

export const COMMANDS: readonly CliCommand[] = [genCommand, lintCommand, explainCommand, evalCommand, testCommand, diffCommand, simulateCommand, importCommand, schemaCommand];

export { UsageError, type CliCommand, type CommandResult, type Invocation } from "./command";
