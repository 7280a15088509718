import { resolveGenOptions } from "../options";
import { paint, printJson } from "../io";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";

/** `offline-features lint`: everything `gen` checks, writing nothing. */
export const lintCommand: CliCommand = {
  name: "lint",
  description: "run every check gen runs (compile errors, definitions, keys, static checks) and write nothing",
  needs: ["typescript", "ts-morph", "ts-node"],
  configure(command) {
    command.addOption(featuresOption()).addOption(jsonOption());
  },
  async run({ options, io }) {
    const genOptions = resolveGenOptions({ features: stringOption(options, "features") ?? "features" });
    const inspect = await import("../../inspect");
    if (options.json === true) {
      const report = await inspect.lintReport(genOptions);
      printJson(io, report);
      return report.ok ? 0 : 1;
    }
    const result = await inspect.lintCommand(genOptions);
    for (const line of result.lines) {
      if (result.ok) io.out(line);
      else io.err(paint(io, "red", line));
    }
    return result.ok ? 0 : 1;
  },
};
