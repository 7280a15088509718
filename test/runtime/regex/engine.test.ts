import * as E from "fp-ts/Either";
import { FeatureStore, OfflineFeature, encodeBundle, installRegexEngine, FeatureC } from "../../../runtime/lean";
import { compilePattern, installedRegexEngine, needsRegexEngine, patternProblem } from "../../../runtime/regex";
import { re2Engine } from "../../../runtime/regex/re2";

/*
 * The runtime without a regex engine (offline-features/runtime/lean, what generated stores import
 * when none of their patterns needs one). This file imports only lean modules, so its module
 * registry (jest's, one per test file) starts with no engine installed; the last block installs re2js.
 */

/** A feature whose first bucket needs the engine (`(a|b)` is no literal shape) and whose second is on the fast path. */
const MIXED = {
  type: "offline-feature",
  buckets: [
    { name: "complex", classifier: { __type: "re.match", attribute: { __type: "context.string", name: "host" }, value: "^(len|ibm)\\d+$" }, value: "complex" },
    { name: "literal", classifier: { __type: "re.match", attribute: { __type: "context.string", name: "host" }, value: "^len.+" }, value: "literal" },
  ],
  default: "none",
};

function storeWith(feature: object): FeatureStore {
  const model = E.getOrElseW((e) => {
    throw new Error(String(e));
  })(FeatureC.decode(feature));
  const loaded = FeatureStore.fromBundle(encodeBundle({ mixed: model }));
  if (E.isLeft(loaded)) throw loaded.left;
  return loaded.right;
}

/** Loaded before any engine is installed, first evaluated after: the syntax error shows only then. */
const UNCHECKED = storeWith({ ...MIXED, buckets: [{ ...MIXED.buckets[0], classifier: { ...MIXED.buckets[0]!.classifier, value: "(len" } }, MIXED.buckets[1]] }).resolve("mixed")!;

describe("without a regex engine", () => {
  it("has none installed: this file loads only the lean runtime", () => {
    expect(installedRegexEngine()).toBeUndefined();
    expect(needsRegexEngine("^(len|ibm)\\d+$")).toBe(true);
    expect(needsRegexEngine("^len.+")).toBe(false);
  });

  it("accepts the pattern at decode (it cannot check its syntax) and refuses only by length", () => {
    expect(patternProblem("^(len|ibm)\\d+$")).toBeUndefined();
    expect(patternProblem("x".repeat(1025))).toMatch(/1025 characters long; the limit is 1024/);
  });

  it("a bucket that needs the engine is a non-match that says why; the fast-path bucket after it still matches", () => {
    const feature = storeWith(MIXED).resolve("mixed")!;
    const details = feature.evaluate({ host: "lenovo-7" });
    expect(details).toMatchObject({ value: "literal", bucket: "literal", reason: "TARGETING_MATCH" });
    expect(details.errors).toHaveLength(1);
    expect(details.errors[0]).toMatchObject({ code: "REGEX_ENGINE_MISSING", bucket: "complex", path: "buckets[0].classifier.value" });
    expect(details.errors[0]!.message).toContain('the regular expression "^(len|ibm)\\\\d+$" needs a regex engine and none is installed');
  });

  it("with no other bucket matching, the answer is the default with reason ERROR, never a throw and never RegExp", () => {
    const feature = storeWith(MIXED).resolve("mixed")!;
    // "ibm7" matches the pattern: a backtracking fallback would say "complex".
    expect(feature.evaluate({ host: "ibm7" })).toMatchObject({ value: "none", bucket: "default", reason: "ERROR", errors: [{ code: "REGEX_ENGINE_MISSING" }] });
  });

  it("compilePattern, which has no error value to return, throws instead of guessing", () => {
    expect(() => compilePattern("^(a|b)$")).toThrow(/needs a regex engine and none is installed/);
    expect(compilePattern("^len.+")).toMatchObject({ engine: "literal" });
  });
});

describe("after installRegexEngine(re2Engine)", () => {
  beforeAll(() => installRegexEngine(re2Engine));

  it("features compiled from then on use it, and decode checks syntax again", () => {
    expect(installedRegexEngine()).toBe(re2Engine);
    expect(storeWith(MIXED).resolve("mixed")!.evaluate({ host: "ibm7" })).toMatchObject({ bucket: "complex", errors: [] });
    expect(patternProblem("(?=a)")).toMatch(/lookahead is JavaScript syntax/);
    const refused = OfflineFeature.decode(JSON.stringify({ ...MIXED, buckets: [{ ...MIXED.buckets[0], classifier: { ...MIXED.buckets[0]!.classifier, value: "(" } }] }));
    expect(E.isLeft(refused) && refused.left.message).toMatch(/invalid regular expression "\("/);
  });

  it("a pattern decoded unchecked and refused by the engine installed since fails its own bucket only, without a throw", () => {
    const details = UNCHECKED.evaluate({ host: "lenovo" });
    expect(details).toMatchObject({ bucket: "literal", errors: [{ code: "ATTRIBUTE_ERROR", bucket: "complex", path: "buckets[0].classifier.value" }] });
    expect(details.errors[0]!.message).toContain("the pattern was loaded while no regex engine was installed to check it");
  });
});
