import { contains, ctx, endsWith, feature, hostname, noneOf, oneOf, startsWith } from "../../dsl";

describe("set membership and string rules", () => {
  it("writes comparison.in and comparison.notin with the list as given", () => {
    expect(oneOf(ctx.string("country"), ["FR", "DE"]).def).toEqual({
      __type: "comparison.in",
      attribute: { __type: "context.string", name: "country" },
      value: ["FR", "DE"],
    });
    expect(ctx.number("tier").noneOf([1, 2]).def).toEqual(noneOf(ctx.number("tier"), [1, 2]).def);
    expect(ctx.number("tier").noneOf([1, 2]).def).toEqual({
      __type: "comparison.notin",
      attribute: { __type: "context.number", name: "tier" },
      value: [1, 2],
    });
  });

  it("copies the list, so later mutation of the caller's array changes nothing", () => {
    const list = ["FR"];
    const rule = oneOf(ctx.string("country"), list);
    list.push("DE");
    expect(rule.def).toMatchObject({ value: ["FR"] });
  });

  it("writes the str.* tags, function and method forms alike", () => {
    const email = ctx.string("email");
    expect(startsWith(email, "admin@").def).toEqual(email.startsWith("admin@").def);
    expect(endsWith(email, ".org").def).toEqual({ __type: "str.endswith", attribute: email.def, value: ".org" });
    expect(contains(hostname(), "ci").def).toEqual({ __type: "str.contains", attribute: { __type: "socket.hostname" }, value: "ci" });
  });

  it("evaluates through a built feature", () => {
    const f = feature("eu")
      .bucket("eu", ctx.string("country").oneOf(["FR", "DE"]), "eu")
      .bucket("staff", ctx.string("email").endsWith("@example.com"), "staff")
      .default("other");
    expect(f.getValue({ country: "DE", email: "x@y" })).toBe("eu");
    expect(f.getValue({ country: "US", email: "me@example.com" })).toBe("staff");
    expect(f.getValue({ country: "US", email: "me@example.org" })).toBe("other");
  });
});
