import { ctx, DefinitionError, eq, feature, ge, gt, le, lt, nodeVersion, type VersionLiteral } from "../../dsl";

const app = ctx.version("appVersion");

describe("version rules", () => {
  it("writes semver.* for a version attribute and comparison.* for a number", () => {
    expect(ge(app, "2.1.0").def).toEqual({ __type: "semver.gte", attribute: { __type: "context.version", name: "appVersion" }, value: "2.1.0" });
    expect(app.lt("3.0.0").def).toMatchObject({ __type: "semver.lt" });
    expect(le(app, "3.0.0").def).toMatchObject({ __type: "semver.lte" });
    expect(gt(nodeVersion(), "20.0.0").def).toEqual({ __type: "semver.gt", attribute: { __type: "process.node_version" }, value: "20.0.0" });
    expect(eq(app, "2.0.0").def).toMatchObject({ __type: "semver.eq", value: "2.0.0" });
    expect(app.eq("2.0.0").def).toMatchObject({ __type: "semver.eq" });
    expect(lt(ctx.number("age"), 18).def).toMatchObject({ __type: "comparison.lt" });
    expect(ctx.number("age").ge(18).def).toMatchObject({ __type: "comparison.gte" });
  });

  it("refuses an invalid version literal when the bucket is defined, naming the call site", () => {
    const bad = "2.1.0-" as VersionLiteral;
    expect(() => feature("v").bucket("new", app.ge(bad), true)).toThrow(DefinitionError);
    expect(() => feature("v").bucket("new", app.ge(bad), true)).toThrow(
      /versions\.test\.ts:\d+: feature "v", bucket "new": value: expected a SemVer 2\.0 version like "2\.1\.0"/,
    );
  });

  it("evaluates by SemVer precedence, prerelease included", () => {
    const f = feature("new_ui")
      .bucket("on", app.ge("2.1.0").and(app.lt("3.0.0")), true)
      .default(false);
    expect(f.getValue({ appVersion: "2.1.0" })).toBe(true);
    expect(f.getValue({ appVersion: "2.10.3" })).toBe(true);
    expect(f.getValue({ appVersion: "2.1.0-rc.1" })).toBe(false);
    expect(f.getValue({ appVersion: "3.0.0-alpha" })).toBe(true);
    expect(f.getValue({ appVersion: "3.0.0" })).toBe(false);
  });
});

describe("process.node_version", () => {
  const onThisNode = feature("this_node").bucket("yes", nodeVersion().eq(process.versions.node as VersionLiteral), true).default(false);

  it("is the running Node unless the context overrides it", () => {
    expect(onThisNode.getValue()).toBe(true);
    expect(onThisNode.getValue({ nodeVersion: "1.0.0" })).toBe(false);
  });

  it("bypasses the process-wide memo when overridden", () => {
    const memo = onThisNode.evaluate();
    expect(onThisNode.evaluate()).toBe(memo);
    expect(onThisNode.evaluate({ nodeVersion: "1.0.0" })).not.toBe(memo);
  });
});

describe("context.version", () => {
  it("is reserved from the ambient nodeVersion key", () => {
    expect(() => ctx.version("nodeVersion")).toThrow(/reserved for the ambient override/);
  });

  it("reports a type mismatch with the value found", () => {
    const f = feature("v").bucket("on", app.ge("1.0.0"), true).default(false);
    expect(f.evaluate({ appVersion: "2.1" }).errors.map(String)).toEqual([
      'buckets[0].classifier.attribute: context attribute "appVersion" must be a SemVer version like "2.1.0", found a string ("2.1")',
    ]);
  });
});
