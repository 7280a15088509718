/**
 * The command line `offline-features`: {@link main} runs it on an argv; the commands are in
 * commands/ (one file each, listed in commands/index.ts).
 */
import { installRegexEngine } from "../../runtime/regex/engine";

// The commands decode and evaluate every pattern a feature file may hold, so re2js is the regex
// engine; it is loaded on the first pattern that needs it, because loading it is a tenth of
// `--help` and of an unchanged `gen`, which compile no pattern. (The generator's own modules
// install it eagerly when they load.)
installRegexEngine({
  name: "re2",
  compile: (pattern) => (require("../../runtime/regex/re2") as typeof import("../../runtime/regex/re2")).re2Engine.compile(pattern),
});
export { main, type Io, type MainSettings } from "./main";
export { COMMANDS, UsageError, type CliCommand, type CommandResult, type Invocation } from "./commands";
export { colourAllowed, paint } from "./io";
export { missingToolchain, toolchainProblem, TOOLCHAIN, type ToolchainPackage } from "./toolchain";
