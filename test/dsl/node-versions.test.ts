import { c, DefinitionError, feature } from "../../dsl";

describe(".nodeVersions", () => {
  const modern = feature("modern").nodeVersions(">=20").bucket("on", c.always(), true).default(false);
  const legacy = feature("legacy").pythonVersions("py3.12").nodeVersions("<20").bucket("on", c.always(), true).default(false);

  it("writes node_versions after python_versions, in PyOF's field order", () => {
    expect(Object.keys(JSON.parse(legacy.dumps()) as object)).toEqual(["type", "python_versions", "node_versions", "buckets", "default"]);
    expect(legacy.toJSON()).toMatchObject({ python_versions: ["py3.12"], node_versions: "<20" });
  });

  it("leaves the field out when not set", () => {
    expect(feature("plain").bucket("on", c.always(), 1).default(0).toJSON()).not.toHaveProperty("node_versions");
  });

  it("returns the default with reason DISABLED outside the range: one prebuilt, frozen record", () => {
    const details = legacy.evaluate();
    expect(details).toEqual({ value: false, bucket: "default", reason: "DISABLED", errors: [] });
    expect(Object.isFrozen(details)).toBe(true);
    expect(legacy.evaluate()).toBe(details);
    expect(legacy.getValueForBucket("on")).toBe(true);
  });

  it("evaluates normally inside the range, memoized as before", () => {
    expect(modern.evaluate()).toMatchObject({ bucket: "on", reason: "TARGETING_MATCH" });
    expect(modern.evaluate()).toBe(modern.evaluate());
  });

  it("takes the context's nodeVersion instead of the running Node", () => {
    expect(modern.evaluate({ nodeVersion: "18.20.0" }).reason).toBe("DISABLED");
    expect(legacy.evaluate({ nodeVersion: "18.20.0" }).reason).toBe("TARGETING_MATCH");
    expect(modern.evaluate({ nodeVersion: "v18" }).errors.map(String)).toEqual(['node_versions: context "nodeVersion" must be a SemVer version like "22.1.0", found a string ("v18")']);
  });

  it("refuses an invalid range when the definition runs, naming the call site", () => {
    expect(() => feature("x").nodeVersions("node 20")).toThrow(DefinitionError);
    expect(() => feature("x").nodeVersions("node 20")).toThrow(/node-versions\.test\.ts:\d+: feature "x": invalid comparator "node" in version range "node 20"/);
  });
});
