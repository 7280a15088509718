import { Option } from "commander";
import { resolveGenOptions } from "../options";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";

/** `offline-features diff <git-rev> [--json] [--markdown] [--contexts FILE] [--fail-on-change]`. */
export const diffCommand: CliCommand = {
  name: "diff",
  description: "compare the features at a git revision with the working tree: what changed and the exact traffic that moves",
  needs: ["typescript", "ts-node"],
  configure(command) {
    command
      .argument("<git-rev>", "the revision to compare with (main, HEAD~1, a commit)")
      .addOption(new Option("--markdown", "print a summary fit for a pull-request comment"))
      .addOption(new Option("--contexts <file.jsonl>", "replay these contexts (one JSON object a line) through both versions and count value changes"))
      .addOption(new Option("--fail-on-change", "exit 1 when anything changed (diff reports and exits 0 otherwise)"))
      .addOption(featuresOption())
      .addOption(jsonOption());
  },
  async run({ args, options, io }) {
    const { diffCommand: diff } = await import("../../diff/diff-command");
    const contexts = stringOption(options, "contexts");
    const outcome = await diff(resolveGenOptions({ features: stringOption(options, "features") ?? "features" }), {
      rev: args[0] as string,
      json: options.json === true,
      markdown: options.markdown === true,
      failOnChange: options.failOnChange === true,
      ...(contexts === undefined ? {} : { contexts }),
    });
    for (const line of outcome.stdout) io.out(line);
    for (const line of outcome.stderr) io.err(line);
    return outcome.exitCode;
  },
};
