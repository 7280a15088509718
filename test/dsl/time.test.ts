import { after, before, ctx, DefinitionError, feature, now, type InstantLiteral } from "../../dsl";

const DEC_1 = Date.UTC(2026, 11, 1);

describe("time rules", () => {
  it("compares with now by default, writing the attribute explicitly", () => {
    expect(before("2026-12-01T00:00:00Z").def).toEqual({ __type: "time.before", attribute: { __type: "time.now" }, value: "2026-12-01T00:00:00Z" });
    expect(after("2026-12-01T00:00:00Z").def).toEqual(now().after("2026-12-01T00:00:00Z").def);
  });

  it("compares a context timestamp, function and method forms alike", () => {
    const signedUp = ctx.timestamp("signedUpAt");
    expect(after(signedUp, "2026-01-01T00:00:00Z").def).toEqual({
      __type: "time.after",
      attribute: { __type: "context.timestamp", name: "signedUpAt" },
      value: "2026-01-01T00:00:00Z",
    });
    expect(signedUp.before("2026-01-01T00:00:00Z").def).toEqual(before(signedUp, "2026-01-01T00:00:00Z").def);
  });

  it("refuses a zone-less instant when the bucket is defined", () => {
    const local = "2026-12-01T00:00:00" as InstantLiteral;
    expect(() => feature("launch").bucket("on", after(local), true)).toThrow(DefinitionError);
    expect(() => feature("launch").bucket("on", after(local), true)).toThrow(/bucket "on": value: expected an RFC 3339 instant with a time zone/);
  });

  it("splits time at the instant: before(t) and after(t) never agree", () => {
    const f = feature("launch").bucket("early", before("2026-12-01T00:00:00Z"), "early").bucket("late", after("2026-12-01T00:00:00Z"), "late").default("never");
    for (const at of [DEC_1 - 1, DEC_1, DEC_1 + 1]) {
      expect(f.getValue({ now: at })).toBe(at < DEC_1 ? "early" : "late");
    }
  });

  it("types the context of a timestamp as a string or epoch milliseconds", () => {
    const f = feature("veterans").bucket("yes", ctx.timestamp("signedUpAt").before("2020-01-01T00:00:00Z"), true).default(false);
    expect(f.getValue({ signedUpAt: "2019-06-01T12:00:00+02:00" })).toBe(true);
    expect(f.getValue({ signedUpAt: Date.UTC(2021, 0, 1) })).toBe(false);
  });
});
