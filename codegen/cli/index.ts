/**
 * The command line `offline-features`: {@link main} runs it on an argv; the commands are in
 * commands/ (one file each, listed in commands/index.ts).
 */
// The generator decodes and evaluates every pattern a feature file may hold: re2js as the regex engine.
import "../../runtime/re2";
export { main, type Io, type MainSettings } from "./main";
export { COMMANDS, UsageError, type CliCommand, type CommandResult, type Invocation } from "./commands";
export { colourAllowed, paint } from "./io";
export { missingToolchain, toolchainProblem, TOOLCHAIN, type ToolchainPackage } from "./toolchain";
