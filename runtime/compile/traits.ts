import { attributeDescriptor, type Attribute } from "../model/attribute";
import { classifierDescriptor, type Classifier } from "../model/classifier";
import { someNode } from "../model/walk";
import type { PinnableKey } from "../evaluate/context";

/*
 * Traits of a rule tree that loading asks of every feature. Each is one walk on the walks' shared
 * stack (runtime/model/walk.ts), with module-level tests: no record, array or callback per walk,
 * and a store of 10,000 features walks 10,000 trees.
 */

/** True when `test` holds for an attribute the node reads directly (nested attributes included). */
function readsSome(node: Classifier, test: (attribute: Attribute) => boolean): boolean {
  const parts = classifierDescriptor(node).parts;
  if (parts.kind !== "attribute") return false;
  for (let a: Attribute | undefined = parts.attribute(node); a !== undefined; a = attributeDescriptor(a).inner?.get(a)) if (test(a)) return true;
  return false;
}

const readsPerProcess = (attribute: Attribute) => !attributeDescriptor(attribute).processConstant;
const readsNow = (attribute: Attribute) => attributeDescriptor(attribute).readAtLoad === true;
/** A prerequisite, or a node reading an attribute that varies within the process. */
const varies = (node: Classifier) => classifierDescriptor(node).prerequisite !== undefined || readsSome(node, readsPerProcess);
const readsAtLoadHere = (node: Classifier) => readsSome(node, readsNow);

/**
 * True when every attribute the classifier reads is the same for the whole process (absent
 * overrides), as each attribute's descriptor says. A prerequisite never is: the feature it names
 * may read the context, or be replaced.
 */
export function isProcessConstant(node: Classifier): boolean {
  return !someNode(node, varies);
}

/**
 * True when the classifier reads an attribute whose value is taken at load (`process.env`, as its
 * descriptor's `readAtLoad` says), so its feature must compile at load rather than on first use.
 */
export function readsAtLoad(node: Classifier): boolean {
  return someNode(node, readsAtLoadHere);
}

/*
 * The ambient keys a memo may be computed with (see memoContext in runtime/evaluate/context.ts):
 * those an attribute of the rules reads and can be pinned under, less any key an attribute reads
 * and cannot be. Collected in module state by a walk that never stops early; a feature asks once,
 * when it compiles, and only a process-constant one.
 */
const pinnable = new Set<PinnableKey>();
const unpinnable = new Set<PinnableKey>();

function notePins(node: Classifier): boolean {
  const parts = classifierDescriptor(node).parts;
  if (parts.kind !== "attribute") return false;
  for (let a: Attribute | undefined = parts.attribute(node); a !== undefined; a = attributeDescriptor(a).inner?.get(a)) {
    const pin = attributeDescriptor(a).ambientPin?.(a as never);
    if (pin !== undefined) (pin.pinnable ? pinnable : unpinnable).add(pin.key);
  }
  return false;
}

/** The ambient keys the memo of a feature with these rules may be computed with. */
export function pinnableKeys(rules: readonly Classifier[]): ReadonlySet<PinnableKey> {
  pinnable.clear();
  unpinnable.clear();
  for (const rule of rules) someNode(rule, notePins);
  const keys = new Set<PinnableKey>();
  for (const key of pinnable) if (!unpinnable.has(key)) keys.add(key);
  return keys;
}
