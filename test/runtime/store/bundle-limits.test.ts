import * as E from "fp-ts/Either";
import fc from "fast-check";
import { decodeBundle, encodeBundle, type FeatureModel, type JsonValue } from "../../../runtime";
import { featureArb, propertyOptions } from "../../support/property";
import { measured } from "../../support/document-size";

/*
 * A bundle parsed from text is held to its input limits by the walk that decodes its features
 * (runtime/decode/unchanged.ts, boundedOutcome), not by a walk of its own; a parsed value passed
 * in still takes that walk first (runtime/decode/limits.ts). The two must agree on every
 * document: the same refusal for its size, with the same message, and otherwise the same result.
 */

/** `levels` wrappings in a bool.none chain of a comparison (with a list of members, `listed`): a rule tree that deep. */
function deepRule(levels: number, listed: boolean): JsonValue {
  let rule: JsonValue = listed
    ? { __type: "comparison.in", attribute: { __type: "context.string", name: "plan" }, value: ["pro", "team"] }
    : { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" };
  for (let i = 0; i < levels; i++) rule = { __type: "bool.none", value: rule };
  return rule;
}

/** A JSON value `levels` arrays deep, `width` wide at the bottom. */
function deepValue(levels: number, width: number): JsonValue {
  let value: JsonValue = Array.from({ length: width }, (_, i) => i);
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** What a document is made into before it is decoded: each leaves it JSON, most break the limits or the fast path. */
type Edit = (bundle: Record<string, JsonValue>, features: Record<string, Record<string, JsonValue>>) => void;
const first = (features: Record<string, Record<string, JsonValue>>) => Object.values(features)[0];
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>(() => {}),
  fc.record({ levels: fc.integer({ min: 0, max: 14 }), width: fc.integer({ min: 0, max: 60 }) }).map<Edit>(({ levels, width }) => (bundle) => {
    bundle.extra = deepValue(levels, width);
  }),
  fc.record({ levels: fc.integer({ min: 0, max: 14 }), width: fc.integer({ min: 0, max: 60 }) }).map<Edit>(({ levels, width }) => (_bundle, features) => {
    const feature = first(features);
    if (feature !== undefined) feature.default = deepValue(levels, width);
  }),
  fc.record({ levels: fc.integer({ min: 0, max: 14 }), listed: fc.boolean() }).map<Edit>(({ levels, listed }) => (_bundle, features) => {
    const feature = first(features);
    if (feature !== undefined) feature.buckets = [{ name: "deep", classifier: deepRule(levels, listed), value: 1 }];
  }),
  fc.record({ levels: fc.integer({ min: 0, max: 14 }), width: fc.integer({ min: 0, max: 60 }) }).map<Edit>(({ levels, width }) => (_bundle, features) => {
    // A key the exact codec strips: the fast path declines, and the feature is measured whole.
    const feature = first(features);
    if (feature !== undefined) feature.stray = deepValue(levels, width);
  }),
  fc.constant<Edit>((_bundle, features) => {
    const feature = first(features);
    if (feature !== undefined) feature.buckets = "not a list";
  }),
);

/** Limits near the document's own size (where an off-by-one shows), or anywhere. */
const nearOrFar = fc.oneof(fc.integer({ min: -2, max: 2 }).map((d) => ({ near: true, d })), fc.integer({ min: 1, max: 1500 }).map((d) => ({ near: false, d })));

type Summary = { readonly issues: readonly { path: string; message: string }[] } | { readonly features: Readonly<Record<string, FeatureModel>> };
const summary = (r: E.Either<{ issues: readonly { path: string; message: string }[] }, { features: Readonly<Record<string, FeatureModel>> }>): Summary =>
  E.isLeft(r) ? { issues: r.left.issues } : { features: r.right.features };

describe("a bundle's input limits, checked by the decoding walk", () => {
  it("refuses and accepts exactly what the limits walk does, with the same messages (a property, fixed seed)", () => {
    const verdicts = { refusedForSize: 0, accepted: 0, otherwise: 0 };
    fc.assert(
      fc.property(
        fc.array(featureArb, { minLength: 1, maxLength: 4 }),
        edits,
        nearOrFar,
        nearOrFar,
        fc.boolean(),
        (models, edit, depthPick, valuesPick, keepHash) => {
          const encoded = encodeBundle(Object.fromEntries(models.map((m, i) => [`f${i}`, m]))) as Record<string, JsonValue>;
          const features = encoded.features as Record<string, Record<string, JsonValue>>;
          edit(encoded, features);
          if (!keepHash) encoded.hash = `sha256:${"0".repeat(64)}`;
          const text = JSON.stringify(encoded);
          const size = measured(encoded);
          // limits.depth counts a feature's levels: the bundle's 2 come on top.
          const depth = Math.max(1, depthPick.near ? size.deepest - 2 + depthPick.d : Math.min(depthPick.d, 20));
          const values = Math.max(1, valuesPick.near ? size.count + valuesPick.d : valuesPick.d);
          const limits = { depth, values };
          const walked = summary(decodeBundle(JSON.parse(text), "b", limits));
          const bounded = summary(decodeBundle(text, "b", limits));
          expect(bounded).toEqual(walked);
          const first = "issues" in walked ? walked.issues[0]?.message ?? "" : "";
          if (/^the document (nests deeper|holds more) than/.test(first)) verdicts.refusedForSize++;
          else if ("features" in walked) verdicts.accepted++;
          else verdicts.otherwise++;
        },
      ),
      propertyOptions,
    );
    // Each kind of answer was met often enough to mean something.
    expect(verdicts.refusedForSize).toBeGreaterThan(30);
    expect(verdicts.accepted).toBeGreaterThan(20);
    expect(verdicts.otherwise).toBeGreaterThan(30);
  });

  // Where a limit is met exactly: a list whose items are its feature's deepest values.
  it.each([
    [1, "refused"],
    [2, "accepted"],
  ] as const)("a feature whose deepest value is python_versions' item, at limits.depth %i, is %s as the limits walk says", (depth, verdict) => {
    const text = JSON.stringify(encodeBundle({ f: { type: "offline-feature", python_versions: ["all"], buckets: [], default: 1 } }));
    const bounded = decodeBundle(text, "b", { depth });
    expect(summary(bounded)).toEqual(summary(decodeBundle(JSON.parse(text), "b", { depth })));
    expect(E.isRight(bounded)).toBe(verdict === "accepted");
  });

  it("agrees with the limits walk when a polluted prototype gives a feature a field", () => {
    const text = JSON.stringify(encodeBundle({ f: { type: "offline-feature", python_versions: ["all"], buckets: [], default: 0 } })).replace(',"default":0', "");
    for (const [key, inherited, limits] of [
      ["default", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { values: 12 }],
      ["default", [[[[[[1]]]]]], { depth: 4 }],
      ["description", "inherited", { values: 9 }],
    ] as const) {
      Object.defineProperty(Object.prototype, key, { value: inherited, enumerable: true, configurable: true, writable: true });
      try {
        expect(summary(decodeBundle(text, "b", limits))).toEqual(summary(decodeBundle(JSON.parse(text), "b", limits)));
      } finally {
        delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
  });

  it("refuses a bundle 100,000 levels deep, or of 3,000,000 values, without a stack overflow", () => {
    const bundle = (feature: string, extra = "") => `{"format":"offline-features/bundle@1","hash":"sha256:${"0".repeat(64)}",${extra}"features":{"f":${feature}}}`;
    const levels = 100_000;
    const deepArray = `${"[".repeat(levels)}${"]".repeat(levels)}`;
    const deepRuleText = `${'{"__type":"bool.none","value":'.repeat(levels)}{"__type":"comparison.eq","attribute":{"__type":"context.string","name":"plan"},"value":"pro"}${"}".repeat(levels)}`;
    const DEEP = /^the document nests deeper than 258 levels/;
    for (const [text, message] of [
      // A value the codec checks whole, a rule tree the walk descends, a key the codec strips, the envelope's own key.
      [bundle(`{"type":"offline-feature","buckets":[],"default":${deepArray}}`), DEEP],
      [bundle(`{"type":"offline-feature","buckets":[{"name":"x","classifier":${deepRuleText},"value":1}],"default":0}`), DEEP],
      [bundle(`{"type":"offline-feature","buckets":[],"default":0,"stray":${deepArray}}`), DEEP],
      [bundle(`{"type":"offline-feature","buckets":[],"default":0}`, `"extra":${deepArray},`), DEEP],
      [bundle(`{"type":"offline-feature","buckets":[],"default":[${"0,".repeat(3_000_000)}0]}`), /^the document holds more than 2000000 values/],
    ] as const) {
      const result = decodeBundle(text);
      expect(E.isLeft(result) && result.left.issues).toEqual([{ path: "", message: expect.stringMatching(message) }]);
    }
  });
});
