/*
 * Where the command line writes, and whether it may colour what it writes. Commands take an `Io`
 * instead of writing to the process, so tests run `main()` in process and read what it printed.
 */

/** Where the CLI writes; tests pass their own. */
export interface Io {
  /** One line (or block) of results, on stdout. */
  readonly out: (line: string) => void;
  /** One line (or block) of problems and usage errors, on stderr. */
  readonly err: (line: string) => void;
  /** The terminal progress is drawn on when it is a TTY. */
  readonly stdout: NodeJS.WriteStream;
  /** Colour is allowed (a TTY, and no NO_COLOR). Default: false. */
  readonly colour?: boolean;
}

/**
 * Colour only on a terminal, never under `NO_COLOR` (https://no-color.org: any non-empty value)
 * nor on a `dumb` terminal.
 */
export function colourAllowed(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    stdout: process.stdout,
    colour: colourAllowed(process.stderr) && colourAllowed(process.stdout),
  };
}

const CODES = { red: 31, yellow: 33, green: 32, bold: 1, dim: 2 } as const;

/** `text` in `style` when the Io allows colour, else `text` unchanged. */
export function paint(io: Pick<Io, "colour">, style: keyof typeof CODES, text: string): string {
  return io.colour === true ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text;
}

/** A value printed as JSON for `--json`: one document on stdout, two-space indented. */
export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
