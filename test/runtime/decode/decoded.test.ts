import * as E from "fp-ts/Either";
import { ctx, feature } from "../../../dsl";
import { decodeFeature, FeatureC, OfflineFeature, type FeatureModel } from "../../../runtime";
import { isDecoded } from "../../../runtime/decode/decoded";

const json = {
  type: "offline-feature",
  buckets: [{ name: "fr", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "FR" }, value: 1 }],
  default: 0,
};

describe("a model is decoded once", () => {
  it("the decoder's model comes out frozen and recorded as decoded", () => {
    const decoded = decodeFeature(JSON.stringify(json));
    if (E.isLeft(decoded)) throw decoded.left;
    expect(isDecoded(decoded.right, "feature")).toBe(true);
    expect(Object.isFrozen(decoded.right.buckets[0]!.classifier)).toBe(true);
    // A decoded feature is not a decoded classifier: the record is per codec.
    expect(isDecoded(decoded.right, "classifier")).toBe(false);
  });

  it("fromModel keeps a decoded model as is, and decodes a hand-built one", () => {
    const decoded = decodeFeature(json);
    if (E.isLeft(decoded)) throw decoded.left;
    expect(OfflineFeature.fromModel(decoded.right).model).toBe(decoded.right);
    expect(FeatureC.decode(decoded.right)).toEqual(E.right(decoded.right));
    const handBuilt = JSON.parse(JSON.stringify(json)) as FeatureModel;
    const built = OfflineFeature.fromModel(handBuilt);
    expect(built.model).not.toBe(handBuilt);
    expect(isDecoded(built.model, "feature")).toBe(true);
    expect(() => OfflineFeature.fromModel({ ...handBuilt, default: () => 1 } as unknown as FeatureModel)).toThrow(/default: expected a JSON value, found a function/);
  });

  it("fromDecoded checks the cycle through the feature unless the caller checked the graph", () => {
    const loop = decodeFeature({ type: "offline-feature", buckets: [{ name: "on", classifier: { __type: "feature.in_bucket", feature: "b", value: ["on"] }, value: 1 }], default: 0 });
    if (E.isLeft(loop)) throw loop.left;
    const features = new Map<string, OfflineFeature>();
    const resolve = (key: string) => features.get(key);
    features.set("b", OfflineFeature.fromDecoded(loop.right, { key: "b", resolve }, true));
    expect(() => OfflineFeature.fromDecoded(loop.right, { key: "a", resolve })).toThrow(/dependency cycle: b → b/);
    expect(OfflineFeature.fromDecoded(loop.right, { key: "a", resolve }, true).key).toBe("a");
  });

  it("the DSL decodes each rule once, at its bucket, and the feature reuses it", () => {
    const built = feature("decodedOnce").bucket("fr", ctx.string("country").eq("FR"), 1).bucket("adult", ctx.number("age").ge(18), 2).default(0);
    for (const bucket of built.model.buckets) expect(isDecoded(bucket.classifier, "classifier")).toBe(true);
    expect(isDecoded(built.model, "feature")).toBe(true);
    expect(() => feature("bad").bucket("x", ctx.string("ua").regex("(")).default(0)).toThrow(/bucket "x"/);
  });
});
