/*
 * The code blocks of README.md, as the README test checks them. Every ```ts and ```sh block is
 * taken, wherever it sits, so sections added later are checked with no change here. A block that
 * is illustrative only is marked by an HTML comment on the line just before its fence:
 * `<!-- not-tested: why -->`.
 */

/** One file of a ts block: a block holds several when lines like `// features/segments.ts` split it. */
export interface BlockFile {
  /** Path relative to the place the block is read from (the repository root). */
  readonly path: string;
  readonly text: string;
  /** The README line of the file's first line (1-based), to map compile errors back. */
  readonly readmeLine: number;
}

export interface CodeBlock {
  readonly lang: "ts" | "sh";
  /** README line of the opening fence (1-based). */
  readonly line: number;
  readonly text: string;
  /** Why the block is not checked, when a `<!-- not-tested: ... -->` comment precedes it. */
  readonly notTested: string | undefined;
}

const FENCE = /^```(\w*)\s*$/;
const NOT_TESTED = /^<!--\s*not-tested:\s*(.*?)\s*-->\s*$/;
/** A comment line naming the file the following lines belong to. */
const FILE_MARKER = /^\/\/\s*((?:[\w.-]+\/)*[\w.-]+\.ts)\s*$/;

/** Every ```ts and ```sh block of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (open === null) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const lang = open[1];
    if (lang === "ts" || lang === "sh") {
      const marker = i > 0 ? NOT_TESTED.exec(lines[i - 1]!) : null;
      blocks.push({ lang, line: i + 1, text: lines.slice(i + 1, end).join("\n"), notTested: marker === null ? undefined : marker[1] });
    }
    i = end;
  }
  return blocks;
}

/**
 * The files of a ts block: split at `// path.ts` comment lines, or one file `example.ts` at the
 * root (where README examples import `./generated`, `./runtime`).
 */
export function blockFiles(block: CodeBlock): BlockFile[] {
  const lines = block.text.split("\n");
  const files: { path: string; start: number; lines: string[] }[] = [];
  lines.forEach((line, i) => {
    const marker = FILE_MARKER.exec(line);
    if (marker !== null) files.push({ path: marker[1]!, start: i + 1, lines: [] });
    else if (files.length === 0) files.push({ path: "example.ts", start: i, lines: [line] });
    else files[files.length - 1]!.lines.push(line);
  });
  return files.map((f) => ({ path: f.path, text: f.lines.join("\n"), readmeLine: block.line + 1 + f.start }));
}

/** The `npm run <script>` names an sh block uses. */
export function npmScripts(block: CodeBlock): string[] {
  return [...block.text.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!);
}
