import { OfflineFeature, type FeatureModel } from "../../../runtime";
import type { Classifier } from "../../../runtime/model/classifier";

const featureOf = (classifier: Classifier): OfflineFeature => {
  const model: FeatureModel = { type: "offline-feature", python_versions: ["all"], buckets: [{ name: "hit", classifier, value: true }], default: false };
  return OfflineFeature.fromModel(model, { key: "process_attributes" });
};

describe("process.env", () => {
  const name = "OFFLINE_FEATURES_TEST_ENV_AT_LOAD";
  afterEach(() => {
    delete process.env[name];
  });

  it("reads the variable once, when the feature loads", () => {
    process.env[name] = "before";
    const f = featureOf({ __type: "comparison.eq", attribute: { __type: "process.env", name }, value: "before" });
    process.env[name] = "after";
    expect(f.evaluate().bucket).toBe("hit");
  });

  it("names the unset variable in the error", () => {
    const f = featureOf({ __type: "comparison.eq", attribute: { __type: "process.env", name }, value: "x" });
    const details = f.evaluate();
    expect(details.errors.map(String)).toEqual([`buckets[0].classifier.attribute: environment variable ${name} is not set`]);
  });

  it("is process-constant, so the answer is computed once", () => {
    process.env[name] = "on";
    const f = featureOf({ __type: "comparison.eq", attribute: { __type: "process.env", name }, value: "on" });
    expect(f.evaluate()).toBe(f.evaluate());
  });
});

describe("process.platform", () => {
  const onThisPlatform = featureOf({ __type: "comparison.eq", attribute: { __type: "process.platform" }, value: process.platform });

  it("is Node's process.platform unless the context overrides it", () => {
    expect(onThisPlatform.evaluate().bucket).toBe("hit");
    expect(onThisPlatform.evaluate({ processPlatform: process.platform === "win32" ? "linux" : "win32" }).bucket).toBe("default");
  });

  it("bypasses the process-wide memo when overridden", () => {
    const memo = onThisPlatform.evaluate();
    expect(onThisPlatform.evaluate({ processPlatform: "aix" })).not.toBe(memo);
    expect(onThisPlatform.evaluate()).toBe(memo);
  });
});

describe("time.now", () => {
  it("reads the clock on each evaluation", () => {
    const before = Date.now();
    const f = featureOf({ __type: "comparison.gte", attribute: { __type: "time.now" }, value: before });
    expect(f.evaluate().bucket).toBe("hit");
    // Pinned an hour earlier, the same rule no longer matches: nothing was memoized.
    expect(f.evaluate({ now: before - 3_600_000 }).bucket).toBe("default");
  });
});
