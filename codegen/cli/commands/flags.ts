import { InvalidArgumentError, Option } from "commander";

/*
 * Flags several commands share, so they read and explain the same everywhere.
 */

/**
 * A folder argument: `--out --check` must not take `--check` as the folder (write `./-x` for a
 * folder whose name starts with a dash).
 */
export function folderValue(value: string): string {
  if (value.startsWith("-")) throw new InvalidArgumentError(`expected a folder, found ${JSON.stringify(value)} (write ./${value} for a folder of that name)`);
  return value;
}

/** `--features <dir>`. */
export function featuresOption(): Option {
  return new Option("--features <dir>", "the folder of feature files (*.ts, searched recursively)").default("features").argParser(folderValue);
}

/** `--json`. */
export function jsonOption(): Option {
  return new Option("--json", "print the result as one JSON document on stdout (problems included), for scripts and CI");
}

/** A string flag's value, when given. */
export function stringOption(options: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = options[name];
  return typeof value === "string" ? value : undefined;
}
