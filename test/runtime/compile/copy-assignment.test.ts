import { CopyAssignment } from "../../../runtime/compile/copy-assignment";

describe("CopyAssignment", () => {
  const copies = ["a", "b", "c"] as const;

  it("gives the copies in turn to the first keys, and the same copy to the same key", () => {
    const sites = new CopyAssignment(copies, 10);
    expect(["k1", "k2", "k3", "k4"].map((k) => sites.for(k))).toEqual(["a", "b", "c", "a"]);
    expect(sites.for("k2")).toBe("b");
    expect(sites.for("k4")).toBe("a");
  });

  it("remembers no key past its limit, yet answers the same copy for the same later key", () => {
    const sites = new CopyAssignment(copies, 2);
    sites.for("first");
    sites.for("second");
    const later = Array.from({ length: 50 }, (_, i) => `hostile-${i}`);
    const once = later.map((k) => sites.for(k));
    expect(later.map((k) => sites.for(k))).toEqual(once);
    // Spread over the copies by hash, not all on one.
    expect(new Set(once).size).toBe(copies.length);
    // The remembered keys keep theirs.
    expect([sites.for("first"), sites.for("second")]).toEqual(["a", "b"]);
    expect((sites as unknown as { assigned: Map<string, string> }).assigned.size).toBe(2);
  });
});
