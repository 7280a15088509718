import fc from "fast-check";
import { compareSemVer, parseSemVer, type SemVer } from "../../../runtime/semver";
import cases from "../../fixtures/semver-cases.json";
import { semVerArbitrary } from "./arbitraries";

function parse(text: string): SemVer {
  const v = parseSemVer(text);
  if (v === undefined) throw new Error(`fixture is not valid SemVer: ${text}`);
  return v;
}

const compare = (a: string, b: string): -1 | 0 | 1 => compareSemVer(parse(a), parse(b));

/** Every (lower, higher) pair of each ascending chain, so the chain is checked as a total order. */
const chainPairs = cases.chains.flatMap((chain) =>
  chain.flatMap((lower, i) => chain.slice(i + 1).map((higher): [string, string] => [lower, higher])),
);

describe("compareSemVer", () => {
  it.each([...chainPairs, ...(cases.ascending as [string, string][])])("%s < %s", (lower, higher) => {
    expect(compare(lower, higher)).toBe(-1);
    expect(compare(higher, lower)).toBe(1);
  });

  it.each(cases.equal as [string, string][])("%s == %s", (a, b) => {
    expect(compare(a, b)).toBe(0);
    expect(compare(b, a)).toBe(0);
  });

  it("is reflexive and antisymmetric", () => {
    fc.assert(
      fc.property(semVerArbitrary, semVerArbitrary, (a, b) => {
        expect(compareSemVer(a, a)).toBe(0);
        expect(compareSemVer(a, b) + compareSemVer(b, a)).toBe(0);
      }),
      { seed: 42 },
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(semVerArbitrary, semVerArbitrary, semVerArbitrary, (a, b, c) => {
        if (compareSemVer(a, b) <= 0 && compareSemVer(b, c) <= 0) {
          expect(compareSemVer(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("sorts consistently: every earlier element is <= every later one", () => {
    fc.assert(
      fc.property(fc.array(semVerArbitrary, { maxLength: 20 }), (versions) => {
        const sorted = [...versions].sort(compareSemVer);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            expect(compareSemVer(sorted[i]!, sorted[j]!)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { seed: 42 },
    );
  });

  it("ignores build metadata", () => {
    fc.assert(
      fc.property(semVerArbitrary, semVerArbitrary, (a, other) => {
        expect(compareSemVer(a, { ...a, build: other.build })).toBe(0);
      }),
      { seed: 42 },
    );
  });
});
