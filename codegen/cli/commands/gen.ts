import { Option } from "commander";
import { display, resolveGenOptions, type GenOptionsInput } from "../options";
import { paint, printJson } from "../io";
import { terminalProgress } from "../progress";
import type { CliCommand } from "./command";
import { featuresOption, folderValue, jsonOption, stringOption } from "./flags";
import { reportFailure } from "./report";

/** `offline-features gen`: write (or check, or watch) the generated getters. */
export const genCommand: CliCommand = {
  name: "gen",
  description: "generate typed getters, JSON and the bundle from the feature files (only what changed)",
  needs: ["typescript", "ts-morph", "ts-node"],
  configure(command) {
    command
      .addOption(new Option("--check", "write nothing; exit 1 listing stale, missing and extra generated files (for CI)").conflicts("watch"))
      .addOption(new Option("--watch", "regenerate whenever a feature file changes (Ctrl-C to stop)").conflicts("json"))
      .addOption(featuresOption())
      .addOption(new Option("--out <dir>", "the folder generated files go to").default("generated").argParser(folderValue))
      .addOption(new Option("--runtime-import <specifier>", "how generated code imports the runtime (default: offline-features/runtime when installed)"))
      .addOption(new Option("--openfeature", "also write openfeature-keys.d.ts: @openfeature/server-sdk's flag-key types narrowed to these features (pass it to --check too)"))
      .addOption(new Option("--no-cache", "ignore and do not write the manifest cache (.offline-features-cache/)"))
      .addOption(jsonOption());
  },
  async run({ options, io }) {
    const json = options.json === true;
    const progress = io.stdout.isTTY && !json ? terminalProgress(io.stdout) : undefined;
    const runtimeImport = stringOption(options, "runtimeImport");
    const input: GenOptionsInput = {
      features: stringOption(options, "features") ?? "features",
      out: stringOption(options, "out") ?? "generated",
      ...(runtimeImport === undefined ? {} : { runtimeImport }),
      ...(options.cache === false ? { cacheDir: false as const } : {}),
      ...(options.openfeature === true ? { openFeature: true } : {}),
      ...(progress === undefined ? {} : { onProgress: progress.listener }),
    };
    const genOptions = resolveGenOptions(input);
    // Loaded here, not at the top: `--help` must not pay for the generator.
    const { check, formatCheck, formatSummary, generate } = await import("../../generate");
    const { formatProblems } = await import("../../problems");
    if (options.check === true) {
      try {
        const result = await check(genOptions);
        progress?.done();
        if (json) printJson(io, result);
        else if (result.ok) io.out(formatCheck(genOptions, result));
        else io.err(paint(io, "red", formatCheck(genOptions, result)));
        return result.ok ? 0 : 1;
      } catch (e) {
        progress?.done();
        return reportFailure(io, e, json);
      }
    }
    if (options.watch === true) {
      const { watchFeatures } = await import("../../watch");
      const watcher = watchFeatures(genOptions, (event) => {
        progress?.done();
        if (event.ok) {
          for (const warning of event.summary.warnings) io.err(paint(io, "yellow", formatProblems([warning])));
          io.out(formatSummary(event.summary));
        } else reportFailure(io, event.error, false);
      });
      io.out(`watching ${display(genOptions, genOptions.featuresDir)}/ (Ctrl-C to stop)`);
      // Ctrl-C (or a kill) closes the watcher first, which does what its last run left for a quiet
      // moment (deleting the swapped-out folder, recording the cache manifest), then ends the
      // process as the signal would have.
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          watcher.close();
          process.kill(process.pid, signal);
        });
      }
      return "watching";
    }
    try {
      const summary = await generate(genOptions);
      progress?.done();
      if (json) {
        printJson(io, { ok: true, ...summary });
        return 0;
      }
      for (const warning of summary.warnings) io.err(paint(io, "yellow", formatProblems([warning])));
      io.out(formatSummary(summary));
      return 0;
    } catch (e) {
      progress?.done();
      return reportFailure(io, e, json);
    }
  },
};
