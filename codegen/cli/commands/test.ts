import { InvalidArgumentError, Option } from "commander";
import { resolveGenOptions } from "../options";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";

function percentage(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`expected a percentage from 0 to 100, found ${JSON.stringify(value)}`);
  return n;
}

/** `offline-features test [--coverage-min N] [--json]`: runs the spec files. */
export const testCommand: CliCommand = {
  name: "test",
  description: "run the spec files (features/**/*.spec.ts): each failing case with the trace of why, then coverage per feature",
  needs: ["typescript", "ts-node"],
  configure(command) {
    command
      .addOption(new Option("--coverage-min <percent>", "fail when a feature's coverage (buckets reached, rules seen true and false) is below this").argParser(percentage))
      .addOption(featuresOption())
      .addOption(jsonOption());
  },
  async run({ options, io }) {
    const { testCommand: runTests } = await import("../../spec/test-command");
    const min = options.coverageMin;
    const outcome = await runTests(resolveGenOptions({ features: stringOption(options, "features") ?? "features" }), {
      json: options.json === true,
      ...(typeof min === "number" ? { coverageMin: min } : {}),
    });
    for (const line of outcome.stdout) io.out(line);
    for (const line of outcome.stderr) io.err(line);
    return outcome.exitCode;
  },
};
