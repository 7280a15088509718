/** A command line, parsed: positional arguments and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/**
 * Parses `argv` against the options a command accepts: `valued` take a value (`--out DIR` or
 * `--out=DIR`), `flags` do not. Throws with a usage message on anything else.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flags.includes(name)) {
      if (eq >= 0) throw new Error(`--${name} takes no value`);
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new Error(`--${name} needs a value`);
      options.set(name, value);
    } else {
      throw new Error(`unknown option ${arg}; expected one of ${[...valued, ...flags].map((o) => `--${o}`).join(", ")}`);
    }
  }
  return { positional, options };
}
