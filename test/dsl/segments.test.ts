import { c, ctx, feature, unitRandom } from "../../dsl";

/* Reusable segments are plain constants of rules, shared by several buckets and features. */
const internalUsers = ctx.string("email").endsWith("@example.com");
const europe = ctx.string("country").oneOf(["FR", "DE", "IT", "ES"]);
const betaTesters = c.any(internalUsers, ctx.boolean("beta").eq(true));

const newCheckout = feature("new_checkout")
  .bucket("beta", betaTesters, "new")
  .bucket("eu_rollout", europe.and(unitRandom(ctx.string("userId")).lt(0.1)), "new")
  .default("old");
const darkMode = feature("dark_mode").bucket("internal", internalUsers, true).default(false);

describe("reusable segments", () => {
  it("inline the same rule wherever they are used", () => {
    expect(newCheckout.model.buckets[0]!.classifier).toEqual(betaTesters.def);
    expect(betaTesters.def).toEqual({ __type: "bool.any", value: [internalUsers.def, { __type: "comparison.eq", attribute: { __type: "context.boolean", name: "beta" }, value: true }] });
    expect(darkMode.model.buckets[0]!.classifier).toEqual({ __type: "str.endswith", attribute: { __type: "context.string", name: "email" }, value: "@example.com" });
    expect(newCheckout.model.buckets[1]!.classifier).toMatchObject({ __type: "bool.all", value: [europe.def, { __type: "comparison.lt" }] });
  });

  it("are not changed by being used: rules are immutable", () => {
    const before = JSON.stringify(europe.def);
    europe.and(ctx.boolean("beta").eq(true));
    feature("other").bucket("eu", europe, 1).default(0);
    expect(JSON.stringify(europe.def)).toBe(before);
  });

  it("evaluate the same in every feature that uses them", () => {
    const staff = { email: "ana@example.com", beta: false, country: "US", userId: "u-1" };
    const customer = { email: "bob@mail.test", beta: false, country: "US", userId: "u-2" };
    expect(newCheckout.getBucketName(staff)).toBe("beta");
    expect(darkMode.getValue(staff)).toBe(true);
    expect(newCheckout.getBucketName(customer)).toBe("default");
    expect(darkMode.getValue(customer)).toBe(false);
  });
});
