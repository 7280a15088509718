import fc from "fast-check";
import * as E from "fp-ts/Either";
import * as t from "io-ts";
import { reportIssues } from "../../../runtime/decode/reporter";
import { taggedUnion } from "../../../runtime/decode/tagged-union";
import { AttributeC } from "../../../runtime/model/attribute";
import { ClassifierC, classifierCodecs, type Classifier } from "../../../runtime/model/classifier";
import { classifier } from "../model-arbitraries";

/*
 * The rule tree is decoded with an explicit stack (runtime/decode/rule-tree.ts). These tests hold
 * it to io-ts: on arbitrary (often invalid) trees it gives what io-ts's own validation of the same
 * node codecs gives (same value, or the same issues in the same order), and it decodes trees far
 * deeper than a recursive decoder's stack would allow.
 */

/** io-ts validating the top node itself (its children go through the references, as in any codec). */
const reference = taggedUnion("Classifier", "classifier", classifierCodecs);

const outcome = (v: t.Validation<unknown>) => (E.isLeft(v) ? { issues: reportIssues(v.left) } : { value: v.right });

/** Adds a key no codec knows to some records, so that the exact codecs' stripping is exercised. */
function withExtraKeys(u: unknown, seed: number): unknown {
  if (Array.isArray(u)) return u.map((x, i) => withExtraKeys(x, seed + i));
  if (typeof u !== "object" || u === null) return u;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(u)) out[k] = withExtraKeys(v, seed * 31 + k.length);
  if (seed % 3 === 0) out.extra = seed;
  return out;
}

describe("the iterative rule-tree decoder", () => {
  it("agrees with io-ts on arbitrary trees, valid or not", () => {
    fc.assert(
      fc.property(classifier, fc.nat(), (u, seed) => {
        const input = seed % 2 === 0 ? u : withExtraKeys(u, seed);
        expect(outcome(ClassifierC.decode(input))).toEqual(outcome(reference.decode(input)));
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it("returns the input itself when nothing is stripped, and exact copies when something is", () => {
    const plain = { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" };
    expect(ClassifierC.decode(plain)).toEqual(E.right(plain));
    expect(E.getOrElseW(() => undefined)(ClassifierC.decode(plain))).toBe(plain);
    const extra = { ...plain, note: 1, attribute: { ...plain.attribute, x: 2 } };
    expect(ClassifierC.decode(extra)).toEqual(E.right(plain));
  });

  // Past the ~2,000 levels at which a recursive decode overflowed (runtime/decode/limits.ts). io-ts copies
  // the context on every step, so memory grows with the square of the depth: keep it a few thousand.
  const depth = 3_000;
  it(`decodes a tree ${depth} levels deep, and reports an error at its bottom by its full path`, () => {
    let tree: unknown = { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" };
    for (let i = 0; i < depth; i++) tree = i % 2 === 0 ? { __type: "bool.none", value: tree } : { __type: "bool.all", value: [tree] };
    const decoded = ClassifierC.decode(tree);
    expect(E.isRight(decoded)).toBe(true);
    let bottom = (decoded as E.Right<Classifier>).right;
    for (let i = 0; i < depth; i++) bottom = bottom.__type === "bool.none" ? (bottom.value as Classifier) : (bottom as { readonly value: readonly Classifier[] }).value[0]!;
    expect(bottom.__type).toBe("comparison.eq");

    let bad: unknown = { __type: "comparison.eq", attribute: { __type: "context.strin", name: "plan" }, value: "pro" };
    for (let i = 0; i < 1000; i++) bad = { __type: "bool.all", value: [bad] };
    const refused = ClassifierC.decode(bad);
    if (E.isRight(refused)) throw new Error("expected a decode error");
    expect(reportIssues(refused.left)).toEqual([{ path: `${"value[0].".repeat(1000)}attribute.__type`, message: 'unknown attribute "context.strin"; did you mean "context.string"?' }]);
  });

  it(`decodes a rollout unit nested ${depth} levels deep`, () => {
    let unit: unknown = { __type: "context.string", name: "userId" };
    for (let i = 0; i < depth; i++) unit = { __type: "random.unit", attribute: unit };
    expect(E.isRight(AttributeC.decode(unit))).toBe(true);
  });
});
