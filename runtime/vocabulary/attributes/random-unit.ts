import * as t from "io-ts";
import { EvaluationError } from "../../evaluate/details";
import type { Attribute } from "../../model/attribute";
import { murmur3Prefix, unitIntervalAfter, type Murmur3Prefix } from "../../hash";
import type { AttributeValue, ErrorSite } from "../../compile/types";
import { describeFound } from "../../describe-value";
import { SaltC } from "../../model/fields";
import { nodeWithOptional } from "../../decode/tagged-union";
import { ref, type NodeSchema } from "../../schema/types";
import type { AttributeDescriptor } from "../types";
import { AttributeRefC } from "../refs";

const tag = "random.unit";

/**
 * A sticky rollout number in [0, 1): `murmur3_x86_32(utf8(salt + ":" + unit)) / 2^32`, where the
 * unit is the value of `attribute` (a user or device id; numbers as their JavaScript string).
 * Without `salt`, the feature's key is the salt.
 */
export interface UnitRandomNode {
  readonly __type: typeof tag;
  readonly attribute: Attribute;
  readonly salt?: string;
}

/**
 * `random.unit`: a sticky number in [0, 1) for a unit (user, account, device):
 * `murmur3_x86_32(utf8(salt + ":" + unit), seed 0) / 2^32`. The same unit gets the same number in
 * every process, on every machine and in every SDK that hashes the same way; two salts give
 * independent numbers, so two features do not pick the same 10% of users.
 *
 * - The salt is the node's `salt`, else the feature's key; with neither the rule is an error.
 * - A string unit is hashed as is; a number as its JavaScript string (`12345`, `0.5`).
 * - A missing unit (or an error reading it) propagates; an empty string is refused as missing,
 *   since "" would put every caller without an id in one shared bucket. A boolean or a version is
 *   a type mismatch. The bucket then does not match: a unit never gets a fresh random number,
 *   which would quietly re-roll callers on each evaluation and skew the split.
 *
 * - The context's `unitRandom` (a number in [0, 1)) replaces the number outright, for tests; the
 *   unit is then not read.
 *
 * Process-constant by itself (a pure function of the unit), so a feature stays memoized exactly
 * when its unit attribute is (e.g. the hostname); the walk visits the unit too.
 */
export const unitRandom: AttributeDescriptor<UnitRandomNode, "number", undefined> = {
  tag,
  codec: nodeWithOptional(tag, { __type: t.literal(tag), attribute: AttributeRefC }, { salt: SaltC }),
  processConstant: true,
  yields: "number",
  draw: "unit",
  inner: { get: (n) => n.attribute, with: (n, attribute) => ({ ...n, attribute }) },
  compile: (node, scope) => {
    const salt = node.salt ?? scope.featureKey;
    if (salt === undefined) {
      const unsalted = scope.error("ATTRIBUTE_ERROR", 'random.unit has no "salt" and the feature was loaded without a key to use instead');
      return () => unsalted;
    }
    const unitScope = scope.at("attribute");
    const read = unitScope.attribute(node.attribute);
    const site = unitScope.errorSite();
    // The hash state after `salt + ":"`, once: an evaluation hashes only the unit, and builds no string.
    const prefix = murmur3Prefix(`${salt}:`);
    // Built on the first empty unit and kept (Scope.error): not at compile, where an error reads the
    // bucket by walking up the scope chain, which made a tree of n nested units compile in O(n^2).
    const empty: { error?: EvaluationError } = {};
    // The hot closure holds the common paths only; the rest is out of line (V8 sizes a function by
    // all of its code when it decides whether to inline it into the operator).
    return (ctx) => {
      const pinned = ctx.unitRandom;
      if (pinned !== undefined) return typeof pinned === "number" && pinned >= 0 && pinned < 1 ? pinned : badPin(site, pinned);
      const unit = read(ctx);
      if (typeof unit === "string" && unit !== "") return unitIntervalAfter(prefix, unit);
      return notAString(unit, prefix, empty, site);
    };
  },
};

function badPin(site: ErrorSite, pinned: unknown): EvaluationError {
  return site.error("TYPE_MISMATCH", `context "unitRandom" must be a number in [0, 1), found ${describeFound(pinned)}`);
}

/** A unit that is not a non-empty string: the empty string, a number, the attribute's error, or a mismatch. */
function notAString(unit: AttributeValue | EvaluationError, prefix: Murmur3Prefix, empty: { error?: EvaluationError }, site: ErrorSite): number | EvaluationError {
  if (unit === "") return (empty.error ??= site.error("ATTRIBUTE_MISSING", "the rollout unit is the empty string; an empty id is treated as no id"));
  if (typeof unit === "number" && Number.isFinite(unit)) return unitIntervalAfter(prefix, String(unit));
  if (unit instanceof EvaluationError) return unit;
  return site.error("TYPE_MISMATCH", `the rollout unit must be a string or a finite number, found ${describeFound(unit)}`);
}

/** The JSON Schema of `random.unit` (runtime/schema/): not part of the descriptor, so an app bundle leaves it out. */
export const unitRandomSchema = (): NodeSchema => ({
    description: 'A sticky number in [0, 1): murmur3(salt + ":" + unit) / 2^32. The salt defaults to the feature key; the context\'s `unitRandom` overrides it.',
    properties: { attribute: ref("attribute"), salt: ref("salt") },
    required: ["attribute"],
  });
