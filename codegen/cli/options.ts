import { isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * The folder that holds `runtime/`, `dsl/` and `codegen/`: the repository's root when the sources
 * run (ts-node, jest), `dist/` in the installed, compiled package.
 */
export const PACKAGE_ROOT = resolve(__dirname, "..", "..");
/** True in the compiled package (dist/), where generated code must import the package by name. */
const COMPILED = __filename.endsWith(".js");
/** The package's name, for bare import specifiers when it is installed in another project. */
export const PACKAGE_NAME = "offline-features";

/** The command that regenerates, as generated headers name it. */
export const GEN_COMMAND = "npm run gen";

/** Progress of a long run: `done` of `total` in a phase. */
export type ProgressListener = (phase: string, done: number, total: number) => void;

/** A generator run's settings, with every path absolute. */
export interface GenOptions {
  /** The folder paths in messages and headers are relative to (the project root). */
  readonly cwd: string;
  /** Where `**\/*.ts` feature files are found. */
  readonly featuresDir: string;
  /** Where generated files go. */
  readonly outDir: string;
  /** The specifier generated code imports the runtime with. */
  readonly runtimeImport: string;
  /** Also write `openfeature-keys.d.ts`, narrowing `@openfeature/server-sdk`'s flag-key types to the project's features. */
  readonly openFeature: boolean;
  /** Where the manifest cache lives; undefined turns the cache off. */
  readonly cacheDir: string | undefined;
  /** Told about progress on large runs. */
  readonly onProgress?: ProgressListener | undefined;
}

/** What a caller may set; everything else has a default. */
export interface GenOptionsInput {
  readonly cwd?: string;
  readonly features?: string;
  readonly out?: string;
  readonly runtimeImport?: string;
  /** Write `openfeature-keys.d.ts` (default false). */
  readonly openFeature?: boolean;
  /** A folder, or false for no cache. Default: `<cwd>/.offline-features-cache`. */
  readonly cacheDir?: string | false;
  readonly onProgress?: ProgressListener;
}

/** `a/b` with forward slashes, whatever the platform. */
export function posix(path: string): string {
  return path.split(sep).join("/");
}

/** `path` relative to `from`, as an import specifier (`./x`, `../x`), without a `.ts` extension. */
export function relativeSpecifier(from: string, path: string): string {
  const rel = posix(relative(from, path)).replace(/\.(d\.)?tsx?$/, "");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/**
 * How generated code reaches one of this package's folders (`runtime`, `dsl`) from `fromDir`: a
 * relative path when the repository's sources run, the package name when installed.
 */
export function packageSpecifier(fromDir: string, folder: "runtime" | "dsl"): string {
  // Compiled means installed (or linked, where the real path has no node_modules): use the name.
  if (COMPILED || PACKAGE_ROOT.split(sep).includes("node_modules")) return `${PACKAGE_NAME}/${folder}`;
  return relativeSpecifier(fromDir, join(PACKAGE_ROOT, folder));
}

/** Fills in defaults and makes paths absolute. */
export function resolveGenOptions(input: GenOptionsInput = {}): GenOptions {
  const cwd = resolve(input.cwd ?? process.cwd());
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const outDir = abs(input.out ?? "generated");
  return {
    cwd,
    featuresDir: abs(input.features ?? "features"),
    outDir,
    runtimeImport: input.runtimeImport ?? packageSpecifier(outDir, "runtime"),
    openFeature: input.openFeature === true,
    cacheDir: input.cacheDir === false ? undefined : abs(input.cacheDir ?? ".offline-features-cache"),
    onProgress: input.onProgress,
  };
}

/** `path` relative to the project root, with forward slashes, for messages and headers. */
export function display(options: Pick<GenOptions, "cwd">, path: string): string {
  const rel = posix(relative(options.cwd, path));
  return rel === "" ? "." : rel;
}
