import { Option } from "commander";
import { display, resolveGenOptions } from "../options";
import { printJson } from "../io";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";
import { reportFailure } from "./report";

/** `offline-features import <pyof.json...>`: PyOF JSON in, DSL source out. */
export const importCommand: CliCommand = {
  name: "import",
  description: "turn PyOF feature JSON files into feature files (features/<key>.ts)",
  needs: ["typescript", "ts-morph"],
  configure(command) {
    command
      .argument("<files...>", "PyOF JSON files, one feature each")
      .addOption(new Option("--key <key>", "the feature key (with one file; default: from the file name)"))
      .addOption(featuresOption().default("features"))
      .addOption(new Option("--force", "overwrite feature files that exist"))
      .addOption(jsonOption());
  },
  async run({ args, options, io }) {
    const json = options.json === true;
    const files = args[0] as string[];
    const key = stringOption(options, "key");
    try {
      // ts-morph, which only this command and the generator need.
      const { importPyof } = await import("../../import/pyof");
      const written = importPyof(files, { ...(key === undefined ? {} : { key }), features: stringOption(options, "features") ?? "features", force: options.force === true });
      const shown = written.map((path) => display(resolveGenOptions(), path));
      if (json) printJson(io, { ok: true, written: shown });
      else for (const path of shown) io.out(`wrote ${path}`);
      return 0;
    } catch (e) {
      return reportFailure(io, e, json, "import failed; nothing was written");
    }
  },
};
