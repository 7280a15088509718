import { OfflineFeature } from "../../../runtime";
import { expectAgreesWithTrace } from "../../support/agrees-with-trace";

/*
 * `semver.*` over `context.version` reads the key, reads the version and compares in one closure
 * (runtime/vocabulary/classifiers/shapes/context-version-order.ts). A traced evaluation compiles
 * without that shortcut (the read goes through the getter, so the trace sees it), so the two must
 * agree on every value the key may hold: answers, error codes, messages and paths.
 */
const OPS = ["semver.eq", "semver.gt", "semver.gte", "semver.lt", "semver.lte"] as const;
const GIVEN: readonly unknown[] = ["2.3.0", "v2.3.0", "2.3.1", "2.2.9", "2.10.0", "2.3.0-rc.1", "2.3.0+build.7", "3.0.0-alpha", "2.3", "", "x", 2.3, null, true, ["2.3.0"], undefined];

describe("version orderings that read a context key themselves answer as the getter does", () => {
  it.each(OPS)("%s", (op) => {
    expectAgreesWithTrace({ __type: op, attribute: { __type: "context.version", name: "appVersion" }, value: "2.3.0" }, "appVersion", GIVEN);
  });

  it("compares releases and prereleases by SemVer precedence, and reports what is not a version at the attribute's path", () => {
    const feature = OfflineFeature.loads(
      JSON.stringify({ type: "offline-feature", buckets: [{ name: "new", classifier: { __type: "semver.gte", attribute: { __type: "context.version", name: "appVersion" }, value: "2.3.0" }, value: "new" }], default: "old" }),
    );
    expect(feature.evaluate({ appVersion: "2.10.0" })).toMatchObject({ value: "new", errors: [] });
    expect(feature.evaluate({ appVersion: "2.3.0-rc.1" })).toMatchObject({ value: "old", reason: "DEFAULT" });
    const missing = feature.evaluate({});
    expect(missing).toMatchObject({ reason: "ERROR", errors: [{ code: "ATTRIBUTE_MISSING", path: "buckets[0].classifier.attribute" }] });
    expect(feature.evaluate({}).errors[0]).toBe(missing.errors[0]);
    expect(feature.evaluate({ appVersion: "2.3" })).toMatchObject({ reason: "ERROR", errors: [{ code: "TYPE_MISMATCH", path: "buckets[0].classifier.attribute" }] });
  });

  it("keeps two features' versions apart though they share the record a release is read into", () => {
    const two = (name: string, bound: string) =>
      OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "yes", classifier: { __type: "semver.lt", attribute: { __type: "context.version", name }, value: bound }, value: true }], default: false }));
    const app = two("appVersion", "2.0.0");
    const os = two("osVersion", "15.0.0");
    const both = { appVersion: "1.9.0", osVersion: "16.1.0" };
    expect([app.evaluate(both).value, os.evaluate(both).value, app.evaluate(both).value]).toEqual([true, false, true]);
  });
});
