import { getTest, getTestDetails, store } from "../fixtures/sample/generated";

/*
 * Generated getters call the feature's evaluator from their own body when nothing is in the way
 * (FeatureHandle.directEvaluator), and through handle.evaluate otherwise. Both paths must answer alike:
 * overrides, hooks and a throwing context included.
 */
const lenovo = { hostname: "lenovo-1", sessionRandom: 0.5 };
const hostile = Object.defineProperty({}, "hostname", { enumerable: true, get: () => { throw new Error("no hostname"); } });

describe("generated getters, straight to the evaluator or through the handle", () => {
  it("answer targeting on the direct path, first call and later ones alike", () => {
    expect([getTest(lenovo), getTest(lenovo), getTestDetails(lenovo)]).toEqual([42, 42, { value: 42, bucket: "control", reason: "TARGETING_MATCH", errors: [] }]);
  });

  it("never throw on a context that throws when read: the default, reason ERROR", () => {
    getTest(lenovo);
    const details = getTestDetails(hostile as never);
    expect([getTest(hostile as never), details.reason, details.errors.map((e) => e.code)]).toEqual([details.value, "ERROR", ["ATTRIBUTE_ERROR"]]);
  });

  it("see an override and its restore", () => {
    getTest(lenovo);
    const forced = store.override({ test: "holdout" });
    const during = [getTest(lenovo), getTestDetails(lenovo).reason];
    forced.restore();
    expect([...during, getTest(lenovo)]).toEqual([true, "OVERRIDE", 42]);
  });

  it("run store hooks and a call's own hooks", () => {
    const seen: string[] = [];
    const remove = store.hooks.add({ after: (key) => seen.push(`store ${key}`) });
    getTest(lenovo);
    getTest(lenovo, { hooks: [{ after: (key) => seen.push(`call ${key}`) }] });
    remove();
    getTest(lenovo);
    expect(seen).toEqual(["store test", "call test", "store test"]);
  });
});
