import fc from "fast-check";
import * as E from "fp-ts/Either";
import * as t from "io-ts";
import { CHANGED, TOO_BIG, UNCHANGED, boundedOutcome, decodesUnchanged, walkBudgetLeft } from "../../../runtime/decode/unchanged";
import { reportIssues } from "../../../runtime/decode/reporter";
import { attributeCodecs } from "../../../runtime/model/attribute";
import { ClassifierC, classifierCodecs } from "../../../runtime/model/classifier";
import { RawFeatureC, decodeParsedFeature, featureCodec } from "../../../runtime/model/feature";
import { TAG } from "../../../runtime/decode/tagged-union";
import { featureDocument } from "../model-arbitraries";
import { fuzzOptions } from "../../support/fuzz";
import { holdsNoWatchedNode } from "../../../runtime/decode/decoded";
import { dependenciesOf } from "../../../runtime/model/dependencies";
import { readsAtLoad } from "../../../runtime/compile/traits";
import type { FeatureModel } from "../../../runtime/model/feature";

/*
 * The decoder's fast path (runtime/decode/unchanged.ts) against io-ts. On valid and near-valid
 * documents of every tag (test/runtime/model-arbitraries.ts, plus one mutation: a key added, a
 * field removed, a field's value replaced), it answers "unchanged" exactly when io-ts's decode
 * succeeds and returns its input itself, and the feature codec with the fast path gives what the
 * plain io-ts decode gives (the same model, or the same issues in the same order). Fixed seed:
 * fast-check prints it, and the shrunk document, on failure.
 */

const SEED = 20261202;

/** io-ts's own answer: the decode succeeds and gives back the input itself. */
const ioTsUnchanged = (codec: t.Mixed, u: unknown): boolean => {
  const r = codec.decode(u);
  return E.isRight(r) && r.right === u;
};

const outcome = (v: t.Validation<unknown>) => (E.isLeft(v) ? { issues: reportIssues(v.left) } : { value: v.right });

/** Every record and array in `u`. */
function containers(u: unknown): object[] {
  const out: object[] = [];
  const stack = [u];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    out.push(v);
    stack.push(...Object.values(v));
  }
  return out;
}

type Mutation = "none" | "add key" | "remove key" | "replace value";

/** A value of another kind than `old`, or a near miss of the same kind (a string for a literal, a tag, a name). */
function confused(old: unknown, pick: number, replacement: unknown): unknown {
  if (typeof old === "string") return ["x", "", old.toUpperCase(), replacement][pick % 4];
  if (typeof old === "number") return [Number.NaN, String(old), -old - 1, replacement][pick % 4];
  return replacement;
}

/**
 * A copy of `doc` (plain JSON, as a bundle parses to) with one mutation at the `pick`-th of its
 * fields and items, each as likely as any other.
 */
function mutated(doc: unknown, mutation: Mutation, pick: number, replacement: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(doc));
  if (mutation === "none") return copy;
  const slots = containers(copy).flatMap((c) => Object.keys(c).map((key) => [c as Record<string, unknown>, key] as const));
  const all = containers(copy);
  if (mutation === "add key") {
    const target = all[pick % all.length] as Record<string, unknown>;
    if (Array.isArray(target)) target.push(replacement);
    else target[`extra${pick % 3}`] = replacement;
    return copy;
  }
  if (slots.length === 0) return copy;
  const [target, key] = slots[pick % slots.length]!;
  if (mutation === "remove key") {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  } else target[key] = confused(target[key], Math.floor(pick / slots.length), replacement);
  return copy;
}

const mutation = fc.constantFrom<Mutation>("none", "none", "none", "add key", "remove key", "replace value");
const replacement = fc.oneof(fc.constantFrom(null, "", 0, "x", true, [], {}, { __type: "context.string", name: "plan" }), fc.jsonValue({ maxDepth: 1 }));
const documents = fc.tuple(featureDocument, mutation, fc.nat(), replacement).map(([doc, m, pick, r]) => mutated(doc, m, pick, r));

const withoutFastPath = featureCodec(false);
const withFastPath = featureCodec(true);

/** The tags of the nodes in `u`, classifiers and attributes alike (both tag with `__type`). */
function tagsIn(u: unknown, into: Set<string>): void {
  for (const c of containers(u)) {
    const tag = (c as Record<string, unknown>)[TAG];
    if (!Array.isArray(c) && typeof tag === "string") into.add(tag);
  }
}

describe("the decoder's fast path", () => {
  it("answers 'unchanged' exactly when io-ts returns the document itself, and decodes as io-ts does", () => {
    const fastTags = new Set<string>();
    let fast = 0;
    let runs = 0;
    let unwatched = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        runs++;
        const answer = decodesUnchanged(RawFeatureC, doc);
        expect(answer).toBe(ioTsUnchanged(RawFeatureC, doc));
        // The documents are plain JSON (parsed from text), so the loaders' mode answers the same.
        expect(decodesUnchanged(RawFeatureC, doc, true)).toBe(answer);
        const plain = outcome(withoutFastPath.decode(doc));
        expect(outcome(withFastPath.decode(doc))).toEqual(plain);
        // The loaders' decoder on the document as a text would parse (NaN becomes null there).
        const reparsed: unknown = JSON.parse(JSON.stringify(doc));
        const loaded = decodeParsedFeature(reparsed);
        expect(outcome(loaded)).toEqual(outcome(withoutFastPath.decode(JSON.parse(JSON.stringify(doc)))));
        // The walk froze what it checked, so the model comes out frozen all through as ever.
        if (E.isRight(loaded)) expect(containers(loaded.right).filter((c) => !Object.isFrozen(c))).toEqual([]);
        // What the walk tells the loader (no prerequisite, no attribute read at load) is true.
        if (E.isRight(loaded) && holdsNoWatchedNode(loaded.right)) {
          unwatched++;
          const model: FeatureModel = loaded.right;
          expect(dependenciesOf(model)).toEqual([]);
          expect(model.buckets.some((b) => readsAtLoad(b.classifier))).toBe(false);
        }
        if (answer) {
          fast++;
          tagsIn(doc, fastTags);
        }
      }),
      fuzzOptions(500, SEED),
    );
    // The fast path was taken often, and on every tag: a new tag the arbitraries lack fails here.
    expect(fast).toBeGreaterThan(runs / 5);
    expect(unwatched).toBeGreaterThan(runs / 20);
    const everyTag = [...Object.keys(classifierCodecs), ...Object.keys(attributeCodecs)].sort();
    expect(everyTag.filter((tag) => !fastTags.has(tag))).toEqual([]);
  });

  it("agrees with io-ts on classifier trees alone", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        for (const bucket of Array.isArray((doc as { buckets?: unknown }).buckets) ? ((doc as { buckets: unknown[] }).buckets) : []) {
          const classifier = (bucket as { classifier?: unknown } | null)?.classifier;
          expect(decodesUnchanged(ClassifierC, classifier)).toBe(ioTsUnchanged(ClassifierC, classifier));
        }
      }),
      fuzzOptions(250, SEED + 1),
    );
  });

  it("is not taken for a key an exact codec strips, an absent required field, or an inherited field", () => {
    const plain = { type: "offline-feature", buckets: [{ name: "on", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" }, value: 1 }], default: 0 };
    expect(decodesUnchanged(RawFeatureC, plain)).toBe(true);
    expect(decodesUnchanged(RawFeatureC, { ...plain, note: "x" })).toBe(false);
    expect(decodesUnchanged(RawFeatureC, { ...plain, buckets: [{ ...plain.buckets[0]!, classifier: { ...plain.buckets[0]!.classifier, extra: 1 } }] })).toBe(false);
    const { type: _type, ...untyped } = plain;
    expect(decodesUnchanged(RawFeatureC, untyped)).toBe(false);
    expect(decodesUnchanged(RawFeatureC, Object.assign(Object.create({ type: "offline-feature" }) as object, untyped))).toBe(false);
    // A hidden (non-enumerable) own key is one exact codecs strip too.
    expect(decodesUnchanged(RawFeatureC, Object.defineProperty({ ...plain }, "hidden", { value: 1, enumerable: false }))).toBe(false);
    // Parsed JSON has none, and keys beyond the fields are still seen there.
    expect(decodesUnchanged(RawFeatureC, JSON.parse(JSON.stringify(plain)), true)).toBe(true);
    expect(decodesUnchanged(RawFeatureC, JSON.parse(JSON.stringify({ ...plain, note: "x" })), true)).toBe(false);
    expect(decodesUnchanged(RawFeatureC, JSON.parse(JSON.stringify({ ...plain, buckets: [{ ...plain.buckets[0]!, extra: 1 }] })), true)).toBe(false);
  });

  it("walks a deep tree with an explicit stack", () => {
    let tree: unknown = { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" };
    for (let i = 0; i < 20_000; i++) tree = i % 2 === 0 ? { __type: "bool.none", value: tree } : { __type: "bool.all", value: [tree] };
    expect(decodesUnchanged(ClassifierC, tree)).toBe(true);
  });

  it("counts values and levels on a bounded walk, and declines a record it cannot count whole", () => {
    const doc = JSON.parse('{"a":"x","b":[1,2,{"c":true}]}');
    const codec = t.exact(t.type({ a: t.string, b: t.array(t.unknown) }));
    // Below the root: a, b, and b's 3 items (the unknown record is asked whole: one more, c).
    expect(boundedOutcome(codec, doc, 0, 3, 10) & UNCHANGED).toBe(UNCHANGED);
    expect(walkBudgetLeft()).toBe(4);
    expect(boundedOutcome(codec, doc, 0, 3, 6)).not.toBe(TOO_BIG);
    expect(boundedOutcome(codec, doc, 0, 3, 5)).toBe(TOO_BIG);
    // c lies 3 levels below the root.
    expect(boundedOutcome(codec, doc, 0, 2, 10)).toBe(TOO_BIG);
    expect(boundedOutcome(codec, doc, 1, 3, 10)).toBe(TOO_BIG);
    // A record io-ts does not make exact keeps keys no codec checks: they would go uncounted, so
    // the walk declines, and the loader measures the document whole.
    const loose = t.type({ a: t.string });
    expect(boundedOutcome(loose, JSON.parse('{"a":"x","hidden":[[[[1]]]]}'), 0, 2, 100)).toBe(CHANGED);
    expect(decodesUnchanged(loose, JSON.parse('{"a":"x","hidden":[[[[1]]]]}'), true)).toBe(true);
  });

  it("declines, on a bounded walk, a field a polluted prototype gives: the limits count own keys only", () => {
    Object.defineProperty(Object.prototype, "inheritedList", { value: [1, 2, 3], enumerable: true, configurable: true, writable: true });
    try {
      // Built while the prototype is polluted, so the codec's key is one an object may inherit.
      const codec = t.exact(t.partial({ inheritedList: t.array(t.number) }));
      expect(boundedOutcome(codec, JSON.parse("{}"), 0, 10, 100)).toBe(CHANGED);
      expect(boundedOutcome(codec, JSON.parse('{"inheritedList":[4]}'), 0, 10, 100) & UNCHANGED).toBe(UNCHANGED);
    } finally {
      delete (Object.prototype as Record<string, unknown>).inheritedList;
    }
  });
});
