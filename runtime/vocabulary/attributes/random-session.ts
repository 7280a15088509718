import * as t from "io-ts";
import { murmur3Prefix, unitInterval, unitIntervalAfter } from "../../hash";
import { processSessionId, processSessionRandom } from "../../compile/ambient";
import { describeFound } from "../../describe-value";
import { SaltC } from "../../model/fields";
import { nodeWithOptional } from "../../decode/tagged-union";
import { ref, type NodeSchema } from "../../schema/types";
import type { ErrorSite, Getter } from "../../compile/types";
import type { EvaluationError } from "../../evaluate/details";
import type { AttributeDescriptor } from "../types";

const tag = "random.session";

const SESSION_RANDOM_KEY = Object.freeze({ key: "sessionRandom", min: 0, below: 1 });
const PINNABLE = Object.freeze({ key: "sessionRandom", pinnable: true } as const);
const NOT_PINNABLE = Object.freeze({ key: "sessionRandom", pinnable: false } as const);

const isUnit = (x: unknown): x is number => typeof x === "number" && x >= 0 && x < 1;

/**
 * A uniform number in [0, 1) fixed for the session (PyOF `random.session`). The session is the
 * process unless the context carries `sessionId` (hashed) or `sessionRandom` (taken as is).
 * Without `salt`, every feature shares the session's one number (PyOF); with it, the number is
 * `murmur3(salt + ":" + sessionId)`, so features with different salts draw independently.
 */
export interface SessionRandomNode {
  readonly __type: typeof tag;
  readonly salt?: string;
}

/**
 * `random.session`: in order of precedence, the context's `sessionRandom` (a test pin, salted or
 * not); then, without a salt, PyOF's one number per session: a hash of the context's `sessionId`
 * (murmur3 x86 32-bit / 2^32, the same on every machine), else the process's own draw. With a
 * salt, the number is `murmur3(salt + ":" + session)`, the session being the context's
 * `sessionId` or else a random id drawn once per process, so salted features draw independently
 * while each stays fixed for the session.
 */
export const sessionRandom: AttributeDescriptor<SessionRandomNode, "number", undefined> = {
  tag,
  codec: nodeWithOptional(tag, { __type: t.literal(tag) }, { salt: SaltC }),
  processConstant: true,
  yields: "number",
  draw: "session",
  // Salted or not, a number in [0, 1) under `sessionRandom` is the answer.
  numberKey: () => SESSION_RANDOM_KEY,
  // Unsalted, the process's number under `sessionRandom` is what no context gives; salted, a
  // number there would be taken as is instead of the salted hash.
  ambientPin: (node) => (node.salt === undefined ? PINNABLE : NOT_PINNABLE),
  compile: (node, scope) => (node.salt === undefined ? unsalted(scope.errorSite()) : salted(node.salt, scope.errorSite())),
};

function pinned(site: ErrorSite, given: unknown): number | EvaluationError {
  return isUnit(given)
    ? given
    : site.error("TYPE_MISMATCH", `context "sessionRandom" must be a number in [0, 1), found ${describeFound(given)}`);
}

function badSessionId(site: ErrorSite, id: unknown): EvaluationError {
  return site.error("TYPE_MISMATCH", `context "sessionId" must be a string, found ${describeFound(id)}`);
}

/** PyOF's behaviour, unchanged: one number per session, shared by every feature. */
function unsalted(site: ErrorSite): Getter {
  // The pinned number is tested and returned here, not through `pinned`: a double returned from a
  // call V8 does not inline is boxed, one heap number per evaluation.
  return (ctx) => {
    const given = ctx.sessionRandom;
    if (given !== undefined) return isUnit(given) ? given : pinned(site, given);
    const id = ctx.sessionId;
    if (id !== undefined) return typeof id === "string" ? unitInterval(id) : badSessionId(site, id);
    return processSessionRandom();
  };
}

function salted(salt: string, site: ErrorSite): Getter {
  const prefix = murmur3Prefix(`${salt}:`);
  let own: number | undefined;
  return (ctx) => {
    const given = ctx.sessionRandom;
    if (given !== undefined) return pinned(site, given);
    const id = ctx.sessionId;
    if (id !== undefined) return typeof id === "string" ? unitIntervalAfter(prefix, id) : badSessionId(site, id);
    return (own ??= unitIntervalAfter(prefix, processSessionId()));
  };
}

/** The JSON Schema of `random.session` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const sessionRandomSchema = (): NodeSchema => ({
    description:
      'A uniform number in [0, 1) fixed per session. Without a salt, shared by every feature (PyOF); with one, murmur3(salt + ":" + sessionId) / 2^32.',
    properties: { salt: ref("salt") },
    required: [],
  });
