import { ctx, feature, lt, sessionRandom, unitRandom } from "../../../dsl";

/*
 * Distribution of sticky rollouts over 100,000 distinct units. The units are fixed, so these are
 * deterministic checks of the hash's spread, not statistical tests that could flake.
 */

const UNITS = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

function rolloutOf(key: string, share: number, salt?: string) {
  return feature(key).bucket("on", lt(unitRandom(ctx.string("userId"), salt), share), true).default(false);
}

function chosen(f: ReturnType<typeof rolloutOf>): Set<string> {
  return new Set(UNITS.filter((userId) => f.getValue({ userId })));
}

describe("percentage split over 100,000 distinct units", () => {
  it.each([0.01, 0.1, 0.5, 0.9])("a %p rollout lands within ±0.5 percentage points", (share) => {
    const f = rolloutOf("split", share);
    expect(Math.abs(chosen(f).size / UNITS.length - share)).toBeLessThanOrEqual(0.005);
  });

  it("number units spread as well as string units", () => {
    const f = feature("by_account").bucket("on", unitRandom(ctx.number("accountId")).lt(0.1), true).default(false);
    const hits = UNITS.filter((_, accountId) => f.getValue({ accountId })).length;
    expect(Math.abs(hits / UNITS.length - 0.1)).toBeLessThanOrEqual(0.005);
  });

  it("grows monotonically: raising 10% to 20% keeps every user already in", () => {
    const ten = chosen(rolloutOf("growing", 0.1));
    const twenty = chosen(rolloutOf("growing", 0.2));
    // One assertion over all of them: an expect per user would be most of the test's time.
    expect([...ten].filter((u) => !twenty.has(u))).toEqual([]);
    expect(twenty.size).toBeGreaterThan(ten.size);
  });
});

describe("salts", () => {
  it("two features with their default salts pick independent 10%s (overlap ≈ 1%)", () => {
    const a = chosen(rolloutOf("alpha", 0.1));
    const b = chosen(rolloutOf("beta", 0.1));
    const both = [...a].filter((u) => b.has(u)).length;
    expect(Math.abs(both / UNITS.length - 0.01)).toBeLessThanOrEqual(0.003);
  });

  it("two features that share a salt on purpose pick the same users", () => {
    const a = chosen(rolloutOf("alpha", 0.1, "shared-launch"));
    const b = chosen(rolloutOf("beta", 0.1, "shared-launch"));
    expect([...a].filter((u) => !b.has(u))).toEqual([]);
    expect(b.size).toBe(a.size);
    expect(a.size).toBeGreaterThan(9_000);
  });

  it("salted session randoms are independent per salt, unsalted ones are shared (PyOF)", () => {
    const share = (salt?: string) =>
      feature("session").bucket("on", lt(sessionRandom(salt), 0.1), true).default(false);
    const sessions = UNITS.slice(0, 20_000);
    const pick = (f: ReturnType<typeof share>) => new Set(sessions.filter((sessionId) => f.getValue({ sessionId })));
    const [x, y] = [pick(share("x")), pick(share("y"))];
    const [u, v] = [pick(share()), pick(share())];
    expect(Math.abs([...x].filter((s) => y.has(s)).length / sessions.length - 0.01)).toBeLessThanOrEqual(0.004);
    expect([...u].filter((s) => !v.has(s))).toEqual([]);
    expect(v.size).toBe(u.size);
  });
});
