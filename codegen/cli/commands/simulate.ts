import { InvalidArgumentError, Option } from "commander";
import { resolveGenOptions } from "../options";
import type { CliCommand } from "./command";
import { featuresOption, jsonOption, stringOption } from "./flags";

function whole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number above 0, found ${JSON.stringify(value)}`);
  return n;
}

/** `offline-features simulate <feature> [--n N] [--ctx JSON | --contexts FILE] [--vary attr=v1,v2]`. */
export const simulateCommand: CliCommand = {
  name: "simulate",
  description: "sample a feature's distribution over buckets as a bar chart, beside the exact shares",
  needs: ["typescript", "ts-node"],
  configure(command) {
    command
      .argument("<feature>", "the feature key")
      .addOption(new Option("--n <samples>", "samples per group").default(100_000).argParser(whole))
      .addOption(new Option("--ctx <json>", "the context every sample starts from (session and rollout units are drawn fresh)"))
      .addOption(new Option("--contexts <file.jsonl>", "contexts to cycle through, one JSON object a line"))
      .addOption(new Option("--vary <attr=v1,v2>", "one group per value of a context attribute"))
      .addOption(new Option("--seed <n>", "the seed of the sampled ids, for reproducible runs").default(1).argParser(whole))
      .addOption(new Option("--source <path|url>", "simulate a bundle file or URL instead of the project's features"))
      .addOption(featuresOption())
      .addOption(jsonOption());
  },
  async run({ args, options, io }) {
    const { simulateCommand: simulate } = await import("../../explain/simulate-command");
    const pick = (name: string) => {
      const v = stringOption(options, name);
      return v === undefined ? {} : { [name]: v };
    };
    const outcome = await simulate(resolveGenOptions({ features: stringOption(options, "features") ?? "features" }), {
      feature: args[0] as string,
      n: options.n as number,
      seed: options.seed as number,
      json: options.json === true,
      fancy: io.colour === true,
      ...pick("ctx"),
      ...pick("contexts"),
      ...pick("vary"),
      ...pick("source"),
    });
    for (const line of outcome.stdout) io.out(line);
    for (const line of outcome.stderr) io.err(line);
    return outcome.exitCode;
  },
};
