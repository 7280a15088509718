import * as E from "fp-ts/Either";
import { FeatureStore, encodeBundle, type FeatureModel, type JsonValue } from "../../../runtime";

/*
 * FeatureHandle.directEvaluator is remembered between calls and looked at again only when the
 * store says something changed (its epoch): every change that decides it must be seen on the
 * next call, after the handle has answered (and remembered) once.
 */

function model(bucket: string, on: JsonValue): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: [{ name: bucket, classifier: { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.5 }, value: on }],
    default: "off",
  };
}

function loaded(features: Record<string, FeatureModel>): FeatureStore {
  const store = FeatureStore.empty();
  const done = store.replace(encodeBundle(features));
  if (E.isLeft(done)) throw done.left;
  return store;
}

const low = { sessionRandom: 0.1 };

describe("FeatureHandle.directEvaluator", () => {
  it("follows a replace to the new feature's evaluator", () => {
    const store = loaded({ flag: model("on", "first") });
    const handle = store.handle<JsonValue, "on">("flag", "fallback", ["on"]);
    const before = handle.directEvaluator?.(low).value;
    store.replace(encodeBundle({ flag: model("on", "second") }));
    expect([before, handle.directEvaluator?.(low).value]).toEqual(["first", "second"]);
  });

  it("is undefined once the feature is gone or has a bucket the handle does not know, and back when it returns", () => {
    const store = loaded({ flag: model("on", "first") });
    const handle = store.handle<JsonValue, "on">("flag", "fallback", ["on"]);
    const seen: unknown[] = [handle.directEvaluator?.(low).value];
    store.replace(encodeBundle({ other: model("on", "x") }));
    seen.push(handle.directEvaluator, handle.evaluate(low).errors[0]?.code);
    store.replace(encodeBundle({ flag: model("renamed", "y") }));
    seen.push(handle.directEvaluator, handle.evaluate(low).errors[0]?.code);
    store.replace(encodeBundle({ flag: model("on", "third") }));
    seen.push(handle.directEvaluator?.(low).value);
    expect(seen).toEqual(["first", undefined, "FLAG_NOT_FOUND", undefined, "TYPE_MISMATCH", "third"]);
  });

  it("steps aside while an override is in force, and returns on restore", () => {
    const store = loaded({ flag: model("on", "first") });
    const handle = store.handle<JsonValue, "on">("flag", "fallback", ["on"]);
    const before = handle.directEvaluator?.(low).value;
    const forced = store.override({ flag: { value: "forced" } });
    const during = [handle.directEvaluator, handle.evaluate(low).value];
    forced.restore();
    expect([before, ...during, handle.directEvaluator?.(low).value]).toEqual(["first", undefined, "forced", "first"]);
  });

  it("steps aside while store hooks are registered, and returns once they are removed", () => {
    const store = loaded({ flag: model("on", "first") });
    const handle = store.handle<JsonValue, "on">("flag", "fallback", ["on"]);
    const before = handle.directEvaluator?.(low).value;
    const remove = store.hooks.add({ after: () => undefined });
    const during = handle.directEvaluator;
    remove();
    expect([before, during, handle.directEvaluator?.(low).value]).toEqual(["first", undefined, "first"]);
  });
});
