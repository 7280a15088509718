import * as t from "io-ts";
import { node } from "../../../decode/tagged-union";

/** An attribute node with no field but its tag (`socket.hostname`, `time.now`, …). */
export interface BareNode<K extends string> {
  readonly __type: K;
}

/** The codec of a bare attribute. */
export function bareCodec<K extends string>(tag: K): t.Type<BareNode<K>, BareNode<K>, unknown> {
  return node(tag, { __type: t.literal(tag) });
}
