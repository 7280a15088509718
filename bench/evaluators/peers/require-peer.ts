import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * Peers are bench/package.json's dependencies, installed only in bench/node_modules (never the
 * library's). They are loaded at run time, so the root type-check and test suite pass without them.
 */
const benchRequire = createRequire(join(__dirname, "..", "..", "package.json"));

/** The peer's module, from bench/node_modules. Throws when bench's dependencies are not installed. */
export function requirePeer<T>(name: string): T {
  return benchRequire(name) as T;
}

/** True when the peer is installed in bench/node_modules. */
export function peerInstalled(name: string): boolean {
  try {
    benchRequire.resolve(`${name}/package.json`);
    return true;
  } catch {
    try {
      benchRequire.resolve(name);
      return true;
    } catch {
      return false;
    }
  }
}

/** The installed version of a peer (from its package.json). */
export function peerVersion(name: string): string {
  const dir = join(__dirname, "..", "..", "node_modules", ...name.split("/"));
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}
