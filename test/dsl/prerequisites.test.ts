import { c, ctx, DefinitionError, feature, inBucket, unitRandom } from "../../dsl";
import { OfflineFeature } from "../../runtime";

const checkout = feature("new_checkout")
  .bucket("treatment", unitRandom(ctx.string("userId")).lt(0.5), "new")
  .default("old");

describe("inBucket", () => {
  it("writes feature.in_bucket by key", () => {
    expect(inBucket(checkout, "treatment", "default").def).toEqual({ __type: "feature.in_bucket", feature: "new_checkout", value: ["treatment", "default"] });
  });

  it("evaluates the captured prerequisite with the same context", () => {
    const upsell = feature("upsell")
      .bucket("on", c.all(inBucket(checkout, "treatment"), ctx.string("plan").eq("pro")), true)
      .default(false);
    const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    for (const userId of users) {
      expect(upsell.getValue({ userId, plan: "pro" })).toBe(checkout.getBucketName({ userId }) === "treatment");
      expect(upsell.getValue({ userId, plan: "free" })).toBe(false);
    }
    expect(new Set(users.map((userId) => upsell.getValue({ userId, plan: "pro" })))).toEqual(new Set([true, false]));
  });

  it("keeps prerequisites through and, or, not, c.all and c.any", () => {
    const other = feature("other").bucket("x", ctx.boolean("beta").eq(true), 1).default(0);
    const rule = c.any(inBucket(checkout, "treatment").not(), ctx.string("plan").eq("pro").and(inBucket(other, "x")));
    expect(rule.prerequisites).toEqual([checkout, other]);
    const f = feature("combined").bucket("on", rule, true).default(false);
    expect(f.getValue({ userId: "u", plan: "pro", beta: true })).toBe(true);
  });

  it("survives a round trip through JSON when loaded with a resolver", () => {
    const upsell = feature("upsell").bucket("on", inBucket(checkout, "treatment"), true).default(false);
    const reloaded = OfflineFeature.loads(upsell.dumps(), { key: "upsell", resolve: (k) => (k === "new_checkout" ? checkout : undefined) });
    for (const userId of ["a", "b", "c", "d", "e"]) expect(reloaded.getValue({ userId })).toBe(upsell.getValue({ userId }));
  });

  it("refuses an unknown bucket name at run time too (for untyped callers)", () => {
    const names = ["nope"] as unknown as ["treatment"];
    expect(() => inBucket(checkout, ...names)).toThrow(DefinitionError);
    expect(() => inBucket(checkout, ...names)).toThrow(/feature "new_checkout" has no bucket "nope"; it has "default", "treatment"/);
  });

  it("refuses a feature without a key", () => {
    const anonymous = OfflineFeature.loads(checkout.dumps());
    expect(() => inBucket(anonymous, "treatment")).toThrow(/inBucket needs a feature with a key/);
  });

  it("refuses a dependency on a feature with the same key (a cycle)", () => {
    const older = feature("loop").bucket("on", ctx.boolean("b").eq(true), 1).default(0);
    expect(() => feature("loop").bucket("on", inBucket(older, "on"), 2)).toThrow(/a feature cannot depend on itself \(dependency cycle: loop → loop\)/);
  });

  it("refuses two different prerequisites that share a key", () => {
    const a = feature("twin").bucket("on", ctx.boolean("b").eq(true), 1).default(0);
    const b = feature("twin").bucket("on", ctx.boolean("b").eq(false), 1).default(0);
    expect(() => feature("f").bucket("x", inBucket(a, "on"), 1).bucket("y", inBucket(b, "on"), 2)).toThrow(/two different features named "twin" are prerequisites/);
  });
});
