/*
 * The code generator runs on the TypeScript toolchain the consumer already has as development
 * dependencies. They are not peer dependencies of this package on purpose: npm installs an
 * optional peer that is also a devDependency even under `npm ci --omit=dev` (npm/cli#6282,
 * #7740: it is then "devOptional"), which would put the compiler back into production installs.
 * Commands that need the toolchain check for it first, so a missing package is one clear
 * sentence rather than a stack trace from deep inside the generator.
 */

/** What `gen`, `lint` and `explain` need (`import` needs the first two), in the order messages list them. */
export const TOOLCHAIN = ["typescript", "ts-morph", "ts-node"] as const;
export type ToolchainPackage = (typeof TOOLCHAIN)[number];

/** The install command a message suggests: TypeScript 7 (the native compiler) has no JavaScript API for ts-node. */
export const INSTALL_TOOLCHAIN = "npm i -D typescript@5 ts-morph ts-node";

/** Finds a module from this package's place in node_modules; throws when it is not installed. */
export type Resolver = (id: string) => string;

/** The packages of `needs` that cannot be found. */
export function missingToolchain(needs: readonly ToolchainPackage[] = TOOLCHAIN, resolve: Resolver = require.resolve): ToolchainPackage[] {
  return needs.filter((id) => {
    try {
      resolve(id);
      return false;
    } catch {
      return true;
    }
  });
}

/** The installed TypeScript's major version, when its package.json can be read. */
function typescriptMajor(resolve: Resolver): number | undefined {
  try {
    const { version } = require(resolve("typescript/package.json")) as { version?: unknown };
    return typeof version === "string" ? Number(version.split(".")[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `command` cannot run with what is installed, or undefined when it can:
 * `offline-features gen needs typescript, ts-morph and ts-node as dev dependencies (ts-node is not installed): npm i -D …`.
 */
export function toolchainProblem(command: string, needs: readonly ToolchainPackage[], resolve: Resolver = require.resolve): string | undefined {
  if (needs.length === 0) return undefined;
  const missing = missingToolchain(needs, resolve);
  const all = `${needs.slice(0, -1).join(", ")}${needs.length > 1 ? " and " : ""}${needs[needs.length - 1]}`;
  if (missing.length > 0) {
    const not = missing.length === 1 ? `${missing[0]} is not installed` : `${missing.join(", ")} are not installed`;
    return `offline-features ${command} needs ${all} as dev dependencies (${not}): ${INSTALL_TOOLCHAIN}`;
  }
  const major = typescriptMajor(resolve);
  if (major !== undefined && major >= 7) {
    return `offline-features ${command} needs TypeScript 5 or 6 (found ${major}: TypeScript 7 has no JavaScript API for ts-node and ts-morph): ${INSTALL_TOOLCHAIN}`;
  }
  return undefined;
}
