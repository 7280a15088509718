import { resolveGenOptions } from "../options";
import { printJson } from "../io";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";
import { reportFailure } from "./report";

/** `offline-features explain <feature>`: a feature's rules and exact traffic shares. */
export const explainCommand: CliCommand = {
  name: "explain",
  description: "show a feature's buckets in readable form and its exact traffic shares",
  needs: ["typescript", "ts-morph", "ts-node"],
  configure(command) {
    command.argument("<feature>", "the feature key").addOption(featuresOption()).addOption(jsonOption());
  },
  async run({ args, options, io }) {
    const json = options.json === true;
    const genOptions = resolveGenOptions({ features: stringOption(options, "features") ?? "features" });
    const inspect = await import("../../inspect");
    try {
      const found = await inspect.findFeature(genOptions, args[0] as string);
      if (json) printJson(io, inspect.explainJson(found));
      else for (const line of inspect.explainModel(found.key, found.model, found.where)) io.out(line);
      return 0;
    } catch (e) {
      return reportFailure(io, e, json, "");
    }
  },
};
