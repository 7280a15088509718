import fc from "fast-check";
import { dependenciesOf, findCycle, formatCycle, longestChain } from "../../../runtime/model/dependencies";
import type { FeatureModel } from "../../../runtime";

/** A feature whose buckets depend on `deps`, the first nested under all/none to exercise paths. */
function dependingOn(...deps: string[]): FeatureModel {
  return {
    type: "offline-feature",
    python_versions: ["all"],
    buckets: deps.map((feature, i) => ({
      name: `b${i}`,
      classifier:
        i === 0
          ? { __type: "bool.all", value: [{ __type: "bool.all", value: [] }, { __type: "bool.none", value: { __type: "feature.in_bucket", feature, value: ["on"] } }] }
          : { __type: "feature.in_bucket", feature, value: ["default"] },
      value: i,
    })),
    default: null,
  };
}

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, deps]) => [k, dependingOn(...deps)]));

describe("dependenciesOf", () => {
  it("lists prerequisites in document order with their JSON paths", () => {
    expect(dependenciesOf(dependingOn("a", "b"))).toEqual([
      { feature: "a", path: "buckets[0].classifier.value[1].value" },
      { feature: "b", path: "buckets[1].classifier" },
    ]);
  });
});

describe("findCycle", () => {
  it("names the whole cycle, starting and ending at the same feature", () => {
    const cycle = findCycle(graph({ a: ["b"], b: ["c"], c: ["a"] }));
    expect(cycle).toEqual(["a", "b", "c", "a"]);
    expect(formatCycle(cycle!)).toBe("a → b → c → a");
  });

  it("finds a self-dependency", () => {
    expect(findCycle(graph({ x: [], a: ["a"] }))).toEqual(["a", "a"]);
  });

  it("reports only the cycle, not the path that led to it", () => {
    expect(findCycle(graph({ start: ["a"], a: ["b"], b: ["a"] }))).toEqual(["a", "b", "a"]);
  });

  it("accepts a diamond, which shares a dependency without a cycle", () => {
    expect(findCycle(graph({ top: ["left", "right"], left: ["bottom"], right: ["bottom"], bottom: [] }))).toBeUndefined();
  });

  it("ignores prerequisites that are not in the map", () => {
    expect(findCycle(graph({ a: ["missing"] }))).toBeUndefined();
  });

  // 30,000 is three times what a recursive walk survives on Node's default stack (about 10,000
  // frames), so a walk that recursed would fail here.
  it("handles a chain of 30,000 features without overflowing the stack (cycle and longest-chain checks)", () => {
    const n = 30_000;
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) edges[`f${i}`] = i + 1 < n ? [`f${i + 1}`] : [];
    const chain = graph(edges);
    expect(findCycle(chain)).toBeUndefined();
    // The longest-chain check walks it with an explicit stack too.
    const longest = longestChain(chain);
    expect([longest.length, longest[0], longest.at(-1)]).toEqual([n, "f0", `f${n - 1}`]);
    edges[`f${n - 1}`] = ["f0"];
    expect(findCycle(graph(edges))).toHaveLength(n + 1);
  });

  it("agrees with a brute-force reachability check on random graphs", () => {
    const keys = ["a", "b", "c", "d", "e"];
    const edgesArb = fc.dictionary(fc.constantFrom(...keys), fc.subarray(keys), { minKeys: 1 });
    fc.assert(
      fc.property(edgesArb, (edges) => {
        const reaches = (from: string, to: string): boolean => {
          const seen = new Set<string>();
          const stack = [...(edges[from] ?? [])];
          while (stack.length > 0) {
            const k = stack.pop()!;
            if (k === to) return true;
            if (seen.has(k) || !(k in edges)) continue;
            seen.add(k);
            stack.push(...(edges[k] ?? []));
          }
          return false;
        };
        const hasCycle = Object.keys(edges).some((k) => reaches(k, k));
        const cycle = findCycle(graph(edges));
        expect(cycle !== undefined).toBe(hasCycle);
        if (cycle !== undefined) {
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          for (let i = 0; i + 1 < cycle.length; i++) expect(edges[cycle[i]!]).toContain(cycle[i + 1]);
        }
      }),
      { seed: 42 },
    );
  });
});

