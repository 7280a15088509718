import { ctx, DefinitionError, env, feature, now, platform } from "../../dsl";

describe("process and clock attributes", () => {
  it("writes process.env, process.platform and time.now", () => {
    expect(env("DEPLOY_ENV").eq("staging").def).toEqual({ __type: "comparison.eq", attribute: { __type: "process.env", name: "DEPLOY_ENV" }, value: "staging" });
    expect(platform().oneOf(["linux", "darwin"]).def).toEqual({ __type: "comparison.in", attribute: { __type: "process.platform" }, value: ["linux", "darwin"] });
    expect(now().gt(0).def).toEqual({ __type: "comparison.gt", attribute: { __type: "time.now" }, value: 0 });
  });

  it("refuses an environment variable name the JSON could not carry, naming the call site", () => {
    expect(() => env("deploy-env")).toThrow(DefinitionError);
    expect(() => env("deploy-env")).toThrow(/process-time\.test\.ts:\d+: environment variable name "deploy-env"/);
  });

  it("needs no context argument for a feature that reads only ambient attributes", () => {
    const f = feature("windows_only").bucket("on", platform().eq("win32"), true).default(false);
    expect(f.evaluate({ processPlatform: "win32" }).value).toBe(true);
    expect(f.getValue({ processPlatform: "linux" })).toBe(false);
  });

  it("leaves the context name \"platform\" free for the client's platform, and reserves the overrides", () => {
    const mobile = feature("mobile").bucket("ios", ctx.string("platform").eq("ios"), true).default(false);
    expect(mobile.getValue({ platform: "ios" })).toBe(true);
    for (const reserved of ["processPlatform", "nodeVersion", "now"]) expect(() => ctx.string(reserved)).toThrow(/reserved for the ambient override/);
  });
});
