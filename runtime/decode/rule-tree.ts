import * as t from "io-ts";
import { deferredUnion, refOrLiteralOf, type DeferredUnion } from "../vocabulary/refs";

/*
 * Decoding a rule tree without recursion. Each node's codec stays the io-ts codec its descriptor
 * declares (`node(tag, props)`: readonly, exact, a record of field codecs, optionally with partial
 * fields); this driver reads those props and validates a node field by field, as io-ts would, but
 * a field that holds a child node (a reference from runtime/vocabulary/refs.ts, an array of them,
 * or `bool.none`'s node-or-literal) is pushed on an explicit stack instead of being validated by a
 * nested call. The contexts, and so the error paths and messages, are the ones io-ts builds, in
 * the same order (depth first, fields in declaration order), and the output is what io-ts returns:
 * the same object when nothing changed, exact records otherwise.
 */

/** One field of a node codec, with the context io-ts would validate it under. */
interface Field {
  readonly key: string;
  readonly codec: t.Mixed;
  /** A field of the `t.partial` part: absent is fine, and errors on an absent value are dropped. */
  readonly optional: boolean;
  /** For intersections, the member io-ts appends to the node's context (`"0"` or `"1"`), with its codec. */
  readonly member: { readonly key: string; readonly codec: t.Mixed } | undefined;
}

interface Plan {
  readonly fields: readonly Field[];
  readonly props: Readonly<Record<string, unknown>>;
}

const plans = new WeakMap<t.Mixed, Plan>();

type Tagged = t.Mixed & { readonly _tag?: string; readonly type?: t.Mixed; readonly types?: readonly t.Mixed[]; readonly props?: t.Props };

/** The fields of a node codec built by `node()` or `nodeWithOptional()` (runtime/decode/tagged-union.ts). */
function planOf(codec: t.Mixed): Plan {
  const cached = plans.get(codec);
  if (cached !== undefined) return cached;
  let inner = codec as Tagged;
  while (inner._tag === "ReadonlyType" || inner._tag === "ExactType") inner = inner.type as Tagged;
  const fields: Field[] = [];
  const props: Record<string, unknown> = {};
  const add = (part: Tagged, optional: boolean, member: Field["member"]) => {
    for (const [key, field] of Object.entries(part.props!)) {
      fields.push({ key, codec: field, optional, member });
      props[key] = field;
    }
  };
  if (inner._tag === "InterfaceType") add(inner, false, undefined);
  else if (inner._tag === "IntersectionType") inner.types!.forEach((part, i) => add(part as Tagged, (part as Tagged)._tag === "PartialType", { key: String(i), codec: part }));
  else throw new Error(`${codec.name} is not a node codec (node() or nodeWithOptional())`);
  const plan = { fields, props };
  plans.set(codec, plan);
  return plan;
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

/** What io-ts's exact codec returns: the record without keys its props do not name. */
function stripped(o: Record<string, unknown>, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let strip = false;
  const r: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(o)) {
    if (Object.prototype.hasOwnProperty.call(props, key)) r[key] = o[key];
    else strip = true;
  }
  return strip ? r : o;
}

/** A node to decode next, and what to do with its result. */
interface Child {
  readonly value: unknown;
  readonly context: t.Context;
  readonly union: DeferredUnion;
  readonly done: (value: unknown, ok: boolean) => void;
}

/** A node being decoded: `next()` validates fields until one holds a child, which it returns; at the end it reports and returns undefined. */
interface Frame {
  next(): Child | undefined;
}

function nodeFrame(member: t.Mixed, input: Record<string, unknown>, context: t.Context, errors: t.ValidationError[], done: Child["done"]): Frame {
  const { fields, props } = planOf(member);
  let a = input;
  let failed = false;
  let index = 0;
  const set = (key: string, value: unknown) => {
    if (value !== a[key] || (value === undefined && !Object.prototype.hasOwnProperty.call(a, key))) {
      if (a === input) a = { ...input };
      a[key] = value;
    }
  };
  // The array field in progress, element by element.
  let array: { key: string; items: readonly unknown[]; context: t.Context; item: t.Mixed; union: DeferredUnion; out: unknown[]; next: number; failed: boolean } | undefined;
  return {
    next() {
      if (array !== undefined) {
        const current = array;
        if (current.next < current.items.length) {
          const i = current.next++;
          const value = current.items[i];
          return {
            value,
            context: t.appendContext(current.context, String(i), current.item, value),
            union: current.union,
            done: (v, ok) => {
              if (!ok) current.failed = true;
              else if (v !== current.items[i]) {
                if (current.out === current.items) current.out = current.items.slice();
                current.out[i] = v;
              }
            },
          };
        }
        if (current.failed) failed = true;
        else set(current.key, current.out);
        array = undefined;
      }
      while (index < fields.length) {
        const field = fields[index++]!;
        const value = a[field.key];
        const parent = field.member === undefined ? context : t.appendContext(context, field.member.key, field.member.codec, input);
        const fieldContext = t.appendContext(parent, field.key, field.codec, value);
        const union = deferredUnion(field.codec);
        if (union !== undefined) {
          if (field.optional && value === undefined) continue;
          const key = field.key;
          return { value, context: fieldContext, union, done: (v, ok) => (ok ? set(key, v) : (failed = true)) };
        }
        const either = refOrLiteralOf(field.codec);
        if (either !== undefined && isRecord(value)) {
          const key = field.key;
          return { value, context: fieldContext, union: deferredUnion(either.ref)!, done: (v, ok) => (ok ? set(key, v) : (failed = true)) };
        }
        const item = field.codec instanceof t.ReadonlyArrayType || field.codec instanceof t.ArrayType ? (field.codec.type as t.Mixed) : undefined;
        const itemUnion = item === undefined ? undefined : deferredUnion(item);
        if (item !== undefined && itemUnion !== undefined && Array.isArray(value)) {
          array = { key: field.key, items: value, context: fieldContext, item, union: itemUnion, out: value, next: 0, failed: false };
          return this.next();
        }
        // Any other field (a non-array where an array of nodes belongs fails here without recursing).
        const result = (either?.otherwise ?? field.codec).validate(value, fieldContext);
        if (result._tag === "Left") {
          if (!(field.optional && value === undefined)) {
            errors.push(...result.left);
            failed = true;
          }
        } else set(field.key, result.right);
      }
      done(failed ? undefined : stripped(a, props), !failed);
      return undefined;
    },
  };
}

/**
 * Decodes `u` as a node of `union` (a classifier or an attribute, with everything below it) with
 * an explicit stack. Equivalent to the recursive io-ts decode of the same codecs.
 */
export function decodeRuleTree(u: unknown, c: t.Context, union: DeferredUnion): t.Validation<unknown> {
  const errors: t.ValidationError[] = [];
  let result: unknown;
  const stack: Frame[] = [];
  const start = (child: Child) => {
    if (child.union.decoded(child.value)) return child.done(child.value, true);
    const member = child.union.select(child.value, child.context);
    if (member._tag === "Left") {
      errors.push(...member.left);
      return child.done(undefined, false);
    }
    stack.push(nodeFrame(member.right, child.value as Record<string, unknown>, child.context, errors, child.done));
  };
  start({ value: u, context: c, union, done: (v) => (result = v) });
  while (stack.length > 0) {
    const child = stack[stack.length - 1]!.next();
    if (child === undefined) stack.pop();
    else start(child);
  }
  return errors.length > 0 ? t.failures(errors) : t.success(result);
}
