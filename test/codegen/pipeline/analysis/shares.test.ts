import { trafficShares, formatShare } from "../../../../codegen/pipeline/analysis/shares";
import { c, ctx, feature, hostname, noneOf, oneOf, sessionRandom, staticNumber } from "../../../../dsl";
import { test as seed } from "../../../fixtures/sample/features/test";

const table = (model: Parameters<typeof trafficShares>[0]) => {
  const analysis = trafficShares(model)!;
  return analysis.scenarios.map((s) => ({
    when: s.conditions,
    shares: Object.fromEntries(analysis.buckets.map((b, i) => [b, formatShare(s.shares[i]!)])),
  }));
};

describe("exact traffic shares", () => {
  it("the seed on a len* host: holdout 10%, control 80%, default 10%", () => {
    const analysis = trafficShares(seed.model)!;
    expect(analysis.conditions).toHaveLength(1);
    expect(analysis.conditions[0]!.node).toEqual({ __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len.+" });
    expect(table(seed.model)).toEqual([
      { when: [true], shares: { holdout: "10%", control: "80%", "": "0%", default: "10%" } },
      { when: [false], shares: { holdout: "0%", control: "0%", "": "0%", default: "100%" } },
    ]);
  });

  it("thresholds with lte/gte and overlapping ranges are exact", () => {
    const f = feature("split")
      .bucket("a", sessionRandom().le(0.25), 1)
      .bucket("b", sessionRandom().ge(0.25).and(sessionRandom().lt(0.5)), 2)
      .bucket("c", sessionRandom().gt(0.4), 3)
      .default(0);
    expect(table(f.model)).toEqual([{ when: [], shares: { a: "25%", b: "25%", c: "50%", default: "0%" } }]);
  });

  it("literal rules are decided, not listed", () => {
    const f = feature("lit").bucket("never", staticNumber(3).eq(0.9), 1).bucket("always", c.always(), 2).default(0);
    expect(table(f.model)).toEqual([{ when: [], shares: { never: "0%", always: "100%", default: "0%" } }]);
  });

  it("request conditions are enumerated in both truths", () => {
    const f = feature("req")
      .bucket("fr", ctx.string("country").eq("FR").and(sessionRandom().lt(0.5)), 1)
      .bucket("ci", hostname().regex("^ci").not(), 2)
      .default(0);
    const rows = table(f.model);
    expect(rows).toHaveLength(4);
    expect(rows).toContainEqual({ when: [true, true], shares: { fr: "50%", ci: "0%", default: "50%" } });
    expect(rows).toContainEqual({ when: [true, false], shares: { fr: "50%", ci: "50%", default: "0%" } });
  });
});

describe("random attributes outside numeric thresholds", () => {
  it("a comparison with a non-number is decided false, not listed as a condition", () => {
    const f = feature("odd").bucket("never", sessionRandom().eq("x" as never), 1).bucket("half", sessionRandom().lt(0.5), 2).default(0);
    expect(trafficShares(f.model)!.conditions).toEqual([]);
    expect(table(f.model)).toEqual([{ when: [], shares: { never: "0%", half: "50%", default: "50%" } }]);
  });

  it("membership of a random number in a finite set has probability zero", () => {
    const f = feature("set").bucket("in", oneOf(sessionRandom(), [0.5]), 1).bucket("out", noneOf(sessionRandom(), [0.5]), 2).default(0);
    expect(table(f.model)).toEqual([{ when: [], shares: { in: "0%", out: "100%", default: "0%" } }]);
  });
});
