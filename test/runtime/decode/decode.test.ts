import * as E from "fp-ts/Either";
import { BundleDecodeError, decodeBundle, DecodeError, decodeFeature, FeatureDecodeError, OfflineFeature } from "../../../runtime";
import cases from "../../fixtures/decode-errors.json";

type Case = [name: string, input: unknown, expected: [path: string, messagePart: string][]];

describe("decode errors name the JSON path, what was expected and what was found", () => {
  it.each(cases as Case[])("%s", (_name, input, expected) => {
    const result = decodeFeature(typeof input === "string" ? input : JSON.stringify(input));
    if (E.isRight(result)) throw new Error("expected a decode failure");
    for (const [path, part] of expected) {
      expect(result.left.issues).toContainEqual({ path, message: expect.stringContaining(part) });
    }
    expect(result.left.message).toContain(`${expected[0]![0] || "(root)"}: `);
  });

  it("loads throws a FeatureDecodeError naming the source", () => {
    expect(() => OfflineFeature.loads("[]", { key: "x", source: { file: "ofs/x.json", line: 1 } })).toThrow(
      /invalid offline feature in ofs\/x\.json:1:\n\(root\): expected offline-feature/,
    );
    expect(() => OfflineFeature.loads("[]")).toThrow(FeatureDecodeError);
  });

  it("feature and bundle decode errors share one base class, so one catch handles both", () => {
    const feature = decodeFeature("[]");
    const bundle = decodeBundle("[]");
    if (E.isRight(feature) || E.isRight(bundle)) throw new Error("expected decode failures");
    for (const error of [feature.left, bundle.left]) expect(error).toBeInstanceOf(DecodeError);
    expect(bundle.left).toBeInstanceOf(BundleDecodeError);
    expect([feature.left.name, bundle.left.name]).toEqual(["FeatureDecodeError", "BundleDecodeError"]);
    expect(bundle.left.message).toMatch(/^invalid feature bundle:\n/);
  });

  it("refuses documents nested deeper than the limit without overflowing the stack", () => {
    const depth = 100_000;
    const classifier = '{"__type":"bool.none","value":'.repeat(depth) + '{"__type":"bool.all","value":[]}' + "}".repeat(depth);
    const text = `{"type":"offline-feature","buckets":[{"name":"a","classifier":${classifier}}]}`;
    const result = decodeFeature(text);
    expect(E.isLeft(result) && result.left.issues[0]!.message).toMatch(/nests deeper than 256 levels/);
  });

  it("accepts trees nested up to the limit", () => {
    let classifier: unknown = { __type: "bool.all", value: [] };
    for (let i = 0; i < 120; i++) classifier = { __type: "bool.none", value: classifier };
    const feature = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "a", classifier, value: 1 }], default: 0 }));
    expect(feature.evaluate()).toMatchObject({ bucket: "a", value: 1 }); // 120 negations of true
  });

  it("a missing default decodes as null, as PyOF's loader does", () => {
    expect(OfflineFeature.loads('{"type": "offline-feature", "buckets": []}').getValue()).toBeNull();
  });

  it("rejects inputs that are not JSON values", () => {
    const exotic = { type: "offline-feature", buckets: [], default: () => 1 };
    const result = decodeFeature(exotic);
    expect(E.isLeft(result) && result.left.issues[0]).toEqual({ path: "default", message: "expected a JSON value, found a function" });
  });

  it("returns a Left, never throws, for an object whose getter throws", () => {
    const hostile = Object.defineProperty({ type: "offline-feature" }, "buckets", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const result = decodeFeature(hostile);
    expect(E.isLeft(result) && result.left.issues[0]!.message).toMatch(/boom/);
  });
});
