import { randomUUID } from "node:crypto";
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

let cachedSessionId: string | undefined;

/**
 * This process's session id, drawn once: salted `random.session` hashes it when the context has
 * no `sessionId`, so each salt gets its own number, fixed for the process.
 */
export function processSessionId(): string {
  if (cachedSessionId === undefined) cachedSessionId = randomUUID();
  return cachedSessionId;
}

let cachedNodeVersion: SemVer | undefined;

/** The running Node version, parsed once. Node's own version string is always valid SemVer. */
export function processNodeVersion(): SemVer {
  if (cachedNodeVersion === undefined) {
    cachedNodeVersion = parseSemVer(process.versions.node) ?? { major: 0, minor: 0, patch: 0, prerelease: [], build: [] };
  }
  return cachedNodeVersion;
}
