import { Attr } from "./attribute";
import type { Attribute } from "../runtime/model/attribute";

/**
 * A sticky rollout number in [0, 1) for a unit (`random.unit`):
 * `murmur3_x86_32(utf8(salt + ":" + unit)) / 2^32`, so the same user lands in the same bucket in
 * every process and on every machine. The unit is a string or number attribute, typically
 * `ctx.string("userId")`.
 *
 * The salt defaults to the feature's key, written into the JSON when the bucket is defined, so two
 * features pick different 10%s unless they share a salt on purpose (pass the same `salt` to both
 * to roll them out to the same users). A missing or empty unit makes the bucket not match, with an
 * error in the details; it never falls back to a random number.
 *
 * `lt(unitRandom(ctx.string("userId")), 0.1)` is 10% of users.
 */
export function unitRandom<C>(unit: Attr<string | number, C>, salt?: string): Attr<number, C> {
  return new Attr(salt === undefined ? { __type: "random.unit", attribute: unit.def } : { __type: "random.unit", attribute: unit.def, salt });
}

/**
 * `attribute` with its rollout salt made explicit: a unit rollout without a salt gets the feature's
 * key, as the runtime would use it. Other attributes come back as they are.
 */
export function withDefaultSalt(attribute: Attribute, key: string | undefined): Attribute {
  return attribute.__type === "random.unit" && attribute.salt === undefined && key !== undefined ? { ...attribute, salt: key } : attribute;
}
