import fc from "fast-check";
import * as E from "fp-ts/Either";
import * as t from "io-ts";
import { OfflineFeature } from "../../../runtime";
import { ClassifierC, ScalarC, type NoneLiteral } from "../../../runtime/model/classifier";
import { NoneLiteralC } from "../../../runtime/model/none-literal";
import { pathOf } from "../../../runtime/decode/reporter";
import { propertyOptions } from "../../support/property";

/*
 * bool.none's literal codec validates nested lists with an explicit stack. It is held here to the
 * recursive io-ts codec it replaced (kept below as the reference), then taken far past the call
 * stack. Golden refusals are in test/fixtures/decode-cases/none-literal.json.
 */

const RecursiveNoneLiteralC: t.Type<NoneLiteral, NoneLiteral, unknown> = t.recursion("NoneLiteral", () =>
  new t.Type<NoneLiteral, NoneLiteral, unknown>(
    "NoneLiteral",
    (u): u is NoneLiteral => ScalarC.is(u) || (Array.isArray(u) && u.every((x) => RecursiveNoneLiteralC.is(x))),
    (u, c) => (Array.isArray(u) ? t.array(RecursiveNoneLiteralC).validate(u, c) : ScalarC.validate(u, c)),
    t.identity,
  ),
);

/** What a validation says: the value it returned (by identity), or each error's path, message and the type names of its context. */
function outcome(codec: t.Mixed, u: unknown) {
  const result = codec.validate(u, [{ key: "", type: codec, actual: u }]);
  if (E.isRight(result)) return { same: result.right === u };
  return result.left.map((e) => ({ path: pathOf(e.context), message: e.message, types: e.context.map((c) => c.type.name), value: e.value }));
}

/** Scalars, things that are not (objects, NaN, Infinity, undefined, functions), and lists of them nested a few levels. */
const literalish = fc.letrec<{ item: unknown }>((tie) => ({
  item: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.oneof(fc.object({ maxDepth: 1 }), fc.constant(() => 1), fc.bigInt()),
    fc.array(tie("item"), { maxLength: 4 }),
  ),
})).item;

/** `[[[…[leaf]…]]]`, `levels` lists deep. */
function nested(levels: number, leaf: unknown): unknown[] {
  let list: unknown[] = [leaf];
  for (let i = 1; i < levels; i++) list = [list];
  return list;
}

describe("bool.none's literal codec", () => {
  it("accepts and refuses what the recursive io-ts codec did, with the same paths, messages and contexts, returning the same value", () => {
    fc.assert(
      fc.property(literalish, (u) => {
        expect(outcome(NoneLiteralC, u)).toEqual(outcome(RecursiveNoneLiteralC, u));
        expect(NoneLiteralC.is(u)).toBe(RecursiveNoneLiteralC.is(u));
      }),
      propertyOptions,
    );
  });

  it("reads a list nested 100,000 levels deep, where the recursive codec overflowed the stack", () => {
    const deep = nested(100_000, 0);
    expect(() => RecursiveNoneLiteralC.validate(deep, [])).toThrow(RangeError);
    const decoded = ClassifierC.decode({ __type: "bool.none", value: deep });
    expect(E.isRight(decoded) && (decoded.right as { value: unknown }).value).toBe(deep);
    expect(NoneLiteralC.is(deep)).toBe(true);
  });

  it("refuses the one bad item at the bottom of a 100,000-level list at its full path", () => {
    const deep = nested(100_000, { x: 1 });
    const result = NoneLiteralC.validate(deep, [{ key: "", type: NoneLiteralC, actual: deep }]);
    if (E.isRight(result)) throw new Error("expected a refusal");
    expect(result.left.map((e) => [pathOf(e.context), e.message, e.value])).toEqual([["[0]".repeat(100_000), 'expected a string, number, boolean or null, found {"x":1}', { x: 1 }]]);
    expect(NoneLiteralC.is(nested(100_000, { x: 1 }))).toBe(false);
  });

  it("refuses a list that contains itself (built in code) instead of looping, and accepts one list held twice", () => {
    const cyclic: unknown[] = [1];
    cyclic.push([2, cyclic]);
    expect(outcome(NoneLiteralC, cyclic)).toEqual([expect.objectContaining({ path: "[1][1]", message: "a list that contains itself (a literal must be finite JSON)" })]);
    expect(NoneLiteralC.is(cyclic)).toBe(false);
    const twice = [3];
    expect(outcome(NoneLiteralC, [twice, [twice]])).toEqual({ same: true });
  });

  it("decodes, evaluates and re-encodes a document whose literal list nests 1,000 levels, with the depth limit raised", () => {
    const levels = 1_000;
    const doc = (value: unknown) => JSON.stringify({ type: "offline-feature", buckets: [{ name: "hit", classifier: { __type: "bool.none", value }, value: true }], default: false });
    const feature = OfflineFeature.loads(doc(nested(levels, 0)), { limits: { depth: 1024 } });
    // A non-empty list is truthy, so its negation is false: the default, with no error.
    expect(feature.evaluate({})).toEqual({ value: false, bucket: "default", reason: "DEFAULT", errors: [] });
    expect(OfflineFeature.loads(feature.dumps(), { limits: { depth: 1024 } }).dumps()).toBe(feature.dumps());
    const refused = OfflineFeature.decode(doc(nested(levels, { x: 1 })), { limits: { depth: 1024 } });
    expect(E.isLeft(refused) && refused.left.issues.map((i) => i.path)).toEqual([`buckets[0].classifier.value${"[0]".repeat(levels)}`]);
  });
});
