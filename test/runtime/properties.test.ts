import fc from "fast-check";
import * as E from "fp-ts/Either";
import { decodeFeature, OfflineFeature, type FeatureModel } from "../../runtime";
import { contextArb, featureArb, propertyOptions } from "../support/property";

const build = (model: FeatureModel) => OfflineFeature.fromModel(model, { key: "prop" });

describe("properties of decode, encode and evaluate", () => {
  it("encode → decode → encode is the identity on canonical JSON", () => {
    fc.assert(
      fc.property(featureArb, (model) => {
        const once = build(model).dumps();
        expect(OfflineFeature.loads(once).dumps()).toBe(once);
      }),
      propertyOptions,
    );
  });

  it("a feature and its JSON round trip evaluate alike", () => {
    fc.assert(
      fc.property(featureArb, contextArb, (model, ctx) => {
        const original = build(model);
        const reloaded = OfflineFeature.loads(original.dumps(), { key: "prop" });
        const a = original.evaluate(ctx);
        const b = reloaded.evaluate(ctx);
        expect(b).toEqual(JSON.parse(JSON.stringify(a)));
      }),
      propertyOptions,
    );
  });

  it("evaluation never throws, and the details are always well formed", () => {
    fc.assert(
      fc.property(featureArb, contextArb, (model, ctx) => {
        const feature = build(model);
        const details = feature.evaluate(ctx);
        const names = [...model.buckets.map((b) => b.name), "default"];
        expect(names).toContain(details.bucket);
        expect(["TARGETING_MATCH", "DEFAULT", "ERROR"]).toContain(details.reason);
        expect(details.reason === "ERROR").toBe(details.bucket === "default" && details.errors.length > 0);
      }),
      propertyOptions,
    );
  });

  it("the decoder never throws on arbitrary JSON, and accepts only what it can encode", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = decodeFeature(JSON.stringify(json));
        if (E.isRight(result)) expect(() => OfflineFeature.fromModel(result.right).dumps()).not.toThrow();
        else expect(result.left.issues.length).toBeGreaterThan(0);
      }),
      propertyOptions,
    );
  });

  it("the decoder never throws on features with one node replaced by random JSON", () => {
    fc.assert(
      fc.property(featureArb, fc.jsonValue(), fc.nat(), (model, junk, pick) => {
        const json = JSON.parse(build(model).dumps());
        const holders: Record<string, unknown>[] = [];
        const collect = (v: unknown) => {
          if (typeof v === "object" && v !== null) {
            holders.push(v as Record<string, unknown>);
            Object.values(v).forEach(collect);
          }
        };
        collect(json);
        const target = holders[pick % holders.length]!;
        const keys = Object.keys(target);
        if (keys.length > 0) target[keys[pick % keys.length]!] = junk;
        const result = decodeFeature(json);
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      propertyOptions,
    );
  });
});
