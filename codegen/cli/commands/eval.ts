import { Option } from "commander";
import { resolveGenOptions } from "../options";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";

/** `offline-features eval <feature> --ctx JSON [--explain] [--json] [--source PATH|URL]`. */
export const evalCommand: CliCommand = {
  name: "eval",
  description: "evaluate a feature for a context: value, bucket and reason; with --explain, why, rule by rule",
  needs: ["typescript", "ts-node"],
  configure(command) {
    command
      .argument("<feature>", "the feature key")
      .addOption(new Option("--ctx <json>", 'the evaluation context as a JSON object, e.g. \'{"country": "FR", "sessionRandom": 0.05}\'').default("{}"))
      .addOption(new Option("--explain", "print the trace: every bucket tried, each rule ✓/✗ with the values it read, and the deciding leaf"))
      .addOption(new Option("--source <path|url>", "evaluate a bundle file or http(s) URL (what production holds) instead of the project's features"))
      .addOption(featuresOption())
      .addOption(jsonOption());
  },
  async run({ args, options, io }) {
    const { evalCommand: evaluate } = await import("../../explain/eval-command");
    const source = stringOption(options, "source");
    const outcome = await evaluate(resolveGenOptions({ features: stringOption(options, "features") ?? "features" }), {
      feature: args[0] as string,
      ctx: stringOption(options, "ctx") ?? "{}",
      explain: options.explain === true,
      json: options.json === true,
      ...(source === undefined ? {} : { source }),
    });
    for (const line of outcome.stdout) io.out(line);
    for (const line of outcome.stderr) io.err(line);
    return outcome.exitCode;
  },
};
