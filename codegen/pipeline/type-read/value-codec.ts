import { absurd } from "fp-ts/function";
import { ts, type Node, type Type } from "ts-morph";
import { canonicalMemberOrder } from "./union-order";

/*
 * The value codec of a feature, read from the same checker type its getter returns (see
 * value-type.ts): what the store checks bundle values with at load. It is plain data here; the
 * emitter (emit/value-codec.ts) prints it as an io-ts expression. A type JSON cannot hold, or that
 * io-ts cannot express without more machinery than it is worth, becomes `permissive` with the
 * reason, printed beside it in the generated code.
 */

/** A value codec as data: one node per io-ts combinator the generated code uses. */
export type CodecNode =
  | { readonly __type: "string" }
  | { readonly __type: "number" }
  | { readonly __type: "boolean" }
  | { readonly __type: "null" }
  | { readonly __type: "literal"; readonly value: string | number | boolean }
  /** `readonly` for `readonly T[]` / `ReadonlyArray<T>`: the codec's output type must be assignable to the value type's. */
  | { readonly __type: "array"; readonly element: CodecNode; readonly readonly: boolean }
  | { readonly __type: "tuple"; readonly elements: readonly CodecNode[] }
  | { readonly __type: "object"; readonly name: string | undefined; readonly required: readonly Property[]; readonly optional: readonly Property[] }
  | { readonly __type: "record"; readonly value: CodecNode }
  | { readonly __type: "union"; readonly name: string | undefined; readonly members: readonly CodecNode[] }
  | { readonly __type: "intersection"; readonly name: string | undefined; readonly members: readonly CodecNode[] }
  | { readonly __type: "permissive"; readonly reason: string };

/** An object property: its JSON key and codec. */
export interface Property {
  readonly key: string;
  readonly codec: CodecNode;
}

/** Deeper than this, the type is checked as any JSON (a generated file must stay readable). */
const MAX_DEPTH = 16;

const STRING: CodecNode = { __type: "string" };
const NUMBER: CodecNode = { __type: "number" };
const BOOLEAN: CodecNode = { __type: "boolean" };
const NULL: CodecNode = { __type: "null" };

function permissive(reason: string): CodecNode {
  return { __type: "permissive", reason };
}

/** The name a type is declared under (`Banner`), for "expected Banner" messages. */
function declaredName(type: Type): string | undefined {
  const alias = type.getAliasSymbol();
  if (alias !== undefined) return alias.getName();
  if (type.isInterface() || type.isClass()) return type.getSymbol()?.getName();
  return undefined;
}

/** True when some codec in the tree is `permissive`: the codec then accepts values the type does not. */
export function isPermissive(node: CodecNode): boolean {
  const pending: CodecNode[] = [node];
  while (pending.length > 0) {
    const n = pending.pop()!;
    switch (n.__type) {
      case "permissive":
        return true;
      case "array":
        pending.push(n.element);
        break;
      case "record":
        pending.push(n.value);
        break;
      case "tuple":
        pending.push(...n.elements);
        break;
      case "union":
      case "intersection":
        pending.push(...n.members);
        break;
      case "object":
        pending.push(...n.required.map((p) => p.codec), ...n.optional.map((p) => p.codec));
        break;
      case "string":
      case "number":
      case "boolean":
      case "null":
      case "literal":
        break;
      default:
        return absurd(n);
    }
  }
  return false;
}

/** A union's codec: `true | false` is `boolean`, `undefined` (an absent optional property) is dropped. */
function unionCodec(type: Type, read: (t: Type) => CodecNode): CodecNode {
  const members = type.getUnionTypes().filter((m) => !m.isUndefined());
  const hasTrue = members.some((m) => m.isBooleanLiteral() && m.getText() === "true");
  const hasFalse = members.some((m) => m.isBooleanLiteral() && m.getText() === "false");
  const codecs: CodecNode[] = [];
  let booleanAdded = false;
  for (const m of members) {
    if (hasTrue && hasFalse && m.isBooleanLiteral()) {
      if (!booleanAdded) codecs.push(BOOLEAN);
      booleanAdded = true;
    } else codecs.push(read(m));
  }
  if (codecs.length === 1) return codecs[0]!;
  if (codecs.length === 0) return permissive("a union of nothing JSON can hold");
  return { __type: "union", name: declaredName(type), members: canonicalMemberOrder(codecs) };
}

function objectCodec(type: Type, at: Node, read: (t: Type) => CodecNode): CodecNode {
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return permissive(`${type.getText()} is a function, which JSON cannot hold`);
  const required: Property[] = [];
  const optional: Property[] = [];
  for (const property of type.getProperties()) {
    const declared = property.getTypeAtLocation(at);
    if (declared.getCallSignatures().length > 0) {
      return permissive(`${declaredName(type) ?? "the object type"} has a method (${property.getName()}), which JSON cannot hold`);
    }
    const entry = { key: property.getName(), codec: read(declared) };
    (property.hasFlags(ts.SymbolFlags.Optional) ? optional : required).push(entry);
  }
  const index = type.getStringIndexType() ?? type.getNumberIndexType();
  const name = declaredName(type);
  if (index === undefined) return { __type: "object", name, required, optional };
  const record: CodecNode = { __type: "record", value: read(index) };
  if (required.length === 0 && optional.length === 0) return record;
  return { __type: "intersection", name, members: [{ __type: "object", name: undefined, required, optional }, record] };
}

/**
 * The codec of `type`: literal unions, objects (required and optional properties, index
 * signatures), arrays, tuples, primitives, null. Recursive types, generics left open, functions,
 * `any`/`unknown` and types io-ts has no plain combinator for are `permissive`, with why.
 * `at` is the node property types are read at (the feature's declaration).
 */
export function codecOf(type: Type, at: Node): CodecNode {
  const inProgress = new Set<Type>();
  const read = (t: Type, depth: number): CodecNode => {
    if (depth > MAX_DEPTH) return permissive(`nested deeper than ${MAX_DEPTH} levels`);
    if (inProgress.has(t)) return permissive(`${declaredName(t) ?? t.getText()} is recursive`);
    const next = (u: Type) => read(u, depth + 1);
    if (t.isAny() || t.isUnknown()) return permissive(`the type is ${t.getText()}`);
    if (t.isString()) return STRING;
    if (t.isNumber()) return NUMBER;
    if (t.isBoolean()) return BOOLEAN;
    if (t.isNull()) return NULL;
    if (t.isStringLiteral() || t.isNumberLiteral()) return { __type: "literal", value: t.getLiteralValue() as string | number };
    if (t.isBooleanLiteral()) return { __type: "literal", value: t.getText() === "true" };
    if (t.isTypeParameter()) return permissive(`the type parameter ${t.getText()} is not known when generating`);
    if (t.isUndefined() || t.isNever() || t.isVoid()) return permissive(`${t.getText()} is not a JSON value`);
    inProgress.add(t);
    try {
      if (t.isUnion()) return unionCodec(t, next);
      if (t.isIntersection()) {
        const members = t.getIntersectionTypes().map(next);
        return members.length === 1 ? members[0]! : { __type: "intersection", name: declaredName(t), members };
      }
      if (t.isArray() || t.isReadonlyArray()) {
        const element = t.getArrayElementType() ?? t.getTypeArguments()[0];
        // A mutable `T[]` needs `t.array`: `t.readonlyArray`'s output is not assignable to it (tsc
        // refuses `readonly string[]` for `string[]`), and an inferred value type has mutable arrays.
        return element === undefined ? permissive("an array of unknown elements") : { __type: "array", element: next(element), readonly: t.isReadonlyArray() };
      }
      if (t.isTuple()) {
        const elements = t.getTupleElements();
        return elements.length === 0 ? permissive("an empty tuple") : { __type: "tuple", elements: elements.map(next) };
      }
      if (t.isObject()) return objectCodec(t, at, next);
      return permissive(`io-ts has no codec for ${t.getText()}`);
    } finally {
      inProgress.delete(t);
    }
  };
  return read(type, 0);
}
