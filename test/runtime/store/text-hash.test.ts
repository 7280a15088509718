import fc from "fast-check";
import * as E from "fp-ts/Either";
import { bundleHash, decodeBundle, encodeBundle, type FeatureModel } from "../../../runtime";
import { featuresTextMatches } from "../../../runtime/store/text-hash";
import { feature, c } from "../../../dsl";
import { featureArb, propertyOptions } from "../../support/property";

/*
 * The text fast path of the bundle hash (runtime/store/text-hash.ts): a compact bundle's
 * features, hashed as written. It may only accept earlier: every bundle decides as the
 * parsed-content check decides.
 */

const on = feature("on").bucket("yes", c.all(), true).default(false).model;
const off = feature("off").bucket("no", c.all(), 0).default(1).model;
const models: Readonly<Record<string, FeatureModel>> = { off, on };
const compact = JSON.stringify(encodeBundle(models));
const hash = bundleHash(models);
const decides = (text: string) => {
  const d = decodeBundle(text);
  return E.isRight(d) ? "accepted" : d.left.issues.map((i) => i.path).join(",");
};

describe("the bundle hash checked on the text as written", () => {
  it.each<[string, string, string | undefined, boolean]>([
    ["a compact generated bundle", compact, undefined, true],
    ["with a trailing newline", `${compact}\n`, undefined, true],
    ["an environment's bundle", JSON.stringify(encodeBundle(models, undefined, "prod")), "prod", true],
    ["pretty-printed (the parsed content is checked instead)", JSON.stringify(encodeBundle(models), null, 2), undefined, false],
    ["features not last", JSON.stringify({ format: "offline-features/bundle@1", features: (JSON.parse(compact) as { features: unknown }).features, hash }), undefined, false],
    ["an earlier member that mentions features", compact.replace(`"hash"`, `"x\\"features":{"a":1},"hash"`), undefined, false],
    ["an edited value", compact.replace('"value":true', '"value":false'), undefined, false],
    ["the environment it was not hashed with", compact, "prod", false],
  ])("%s: the slice matches = %s", (_name, text, environment, matches) => {
    expect(featuresTextMatches(text, declaredHash(text), environment)).toBe(matches);
  });

  it.each<[string, string, string]>([
    ["a compact bundle", compact, "accepted"],
    ["pretty-printed", JSON.stringify(encodeBundle(models), null, 2), "accepted"],
    ["an unknown earlier member that mentions features", compact.replace(`"hash"`, `"x\\"features":{"a":1},"hash"`), "accepted"],
    ["an edited value", compact.replace('"value":true', '"value":false'), "hash"],
    // JSON.parse keeps the last of two members; the slice then spans both, and the edited last one is checked.
    ["a second, edited features member after the first", compact.replace(/}$/, `,"features":${JSON.stringify((JSON.parse(compact) as { features: unknown }).features).replace('"value":true', '"value":false')}}`), "hash"],
  ])("%s: %s", (_name, text, outcome) => {
    expect(decides(text)).toBe(outcome);
  });

  it("decides every compact bundle as the parsed-content check does, edited or not", () => {
    const featuresArb = fc.dictionary(fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/), featureArb, { maxKeys: 4 });
    fc.assert(
      fc.property(featuresArb, fc.boolean(), (fs, edit) => {
        const text = JSON.stringify(encodeBundle(fs));
        // An edit that keeps the text valid JSON: another declared hash (its first digit changed).
        const first = text.indexOf("sha256:") + 7;
        const edited = edit ? `${text.slice(0, first)}${text[first] === "0" ? "1" : "0"}${text.slice(first + 1)}` : text;
        const viaText = decodeBundle(edited);
        // The same document as a parsed value takes the canonical path only.
        const viaValue = decodeBundle(JSON.parse(edited));
        expect(E.isRight(viaText)).toBe(E.isRight(viaValue));
        expect(E.isRight(viaText)).toBe(!edit);
      }),
      { ...propertyOptions, numRuns: 100 },
    );
  });
});

/** The hash a bundle text declares. */
function declaredHash(text: string): string {
  return (JSON.parse(text) as { hash: string }).hash;
}
