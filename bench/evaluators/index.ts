/**
 * Every evaluator the benchmark runs: this library, the hand-written floor, and each peer whose
 * package is installed in bench/node_modules (`npm install --prefix bench`).
 */
import { floor } from "./floor";
import { library } from "./library";
import { PEERS } from "./peers";
import { peerInstalled } from "./peers/require-peer";
import type { Evaluator } from "./types";

export type { Evaluator, Rules } from "./types";
export { floor, library, PEERS };

/** The peers whose packages are installed. */
export function installedPeers(): Evaluator[] {
  return PEERS.filter((p) => p.packageName !== undefined && peerInstalled(p.packageName));
}

/** This library, the floor, then the installed peers. */
export function allEvaluators(): Evaluator[] {
  return [library, floor, ...installedPeers()];
}
