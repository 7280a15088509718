import { hostname as osHostname } from "node:os";
import { parseSemVer, type SemVer } from "../semver/parse";

/*
 * Process-wide values, read once and only when first needed: PyOF reads `socket.hostname` and
 * draws `random.session` once per process, and so do we.
 */

let cachedHostname: string | undefined;
let cachedSessionRandom: number | undefined;

/** The machine's hostname, read once. */
export function processHostname(): string {
  if (cachedHostname === undefined) cachedHostname = osHostname();
  return cachedHostname;
}

/** This process's session random: one uniform number in [0, 1), drawn once. */
export function processSessionRandom(): number {
  if (cachedSessionRandom === undefined) cachedSessionRandom = Math.random();
  return cachedSessionRandom;
}

let cachedNodeVersion: SemVer | undefined;

/** The running Node version, parsed once. Node's own version string is always valid SemVer. */
export function processNodeVersion(): SemVer {
  if (cachedNodeVersion === undefined) {
    cachedNodeVersion = parseSemVer(process.versions.node) ?? { major: 0, minor: 0, patch: 0, prerelease: [], build: [] };
  }
  return cachedNodeVersion;
}
