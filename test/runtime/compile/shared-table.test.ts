import { SharedTable } from "../../../runtime/compile/shared-table";

describe("SharedTable", () => {
  it("makes each key pair's value once and shares it", () => {
    const made: string[] = [];
    const table = new SharedTable<string, number, { a: string; b: number }>(10, (a, b) => (made.push(`${a}${b}`), { a, b }));
    const first = table.shared("x", 1);
    expect(table.shared("x", 1)).toBe(first);
    expect(table.shared("x", 2)).toEqual({ a: "x", b: 2 });
    expect(table.shared("y", 1)).not.toBe(first);
    expect(made).toEqual(["x1", "x2", "y1"]);
  });

  it("keeps no more than its limit, and still serves what it kept", () => {
    const table = new SharedTable<string, string, string>(2, (a, b) => a + b);
    expect([table.shared("a", "1"), table.shared("a", "2")]).toEqual(["a1", "a2"]);
    expect(table.shared("b", "1")).toBeUndefined();
    expect(table.shared("a", "3")).toBeUndefined();
    expect(table.shared("a", "2")).toBe("a2");
  });
});
