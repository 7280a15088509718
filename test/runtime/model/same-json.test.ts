import { sameJson } from "../../../runtime/model/same-json";
import type { JsonValue } from "../../../runtime/model/json";

describe("sameJson", () => {
  it.each<[string, JsonValue, JsonValue, boolean]>([
    ["equal scalars", "a", "a", true],
    ["a string and a number", "1", 1, false],
    ["0 and -0 (the same JSON text)", 0, -0, true],
    ["null and an empty record", null, {}, false],
    ["records with the same keys in another order", { a: 1, b: [true, null] }, { b: [true, null], a: 1 }, true],
    ["a record with one key more", { a: 1 }, { a: 1, b: 2 }, false],
    ["records with different keys of the same count", { a: 1 }, { b: 1 }, false],
    ["arrays of different lengths", [1, 2], [1, 2, 3], false],
    ["arrays in another order", [1, 2], [2, 1], false],
    ["an array and a record with index keys", [1], { "0": 1 }, false],
    ["a difference deep inside", { a: [{ b: { c: "x" } }] }, { a: [{ b: { c: "y" } }] }, false],
  ])("%s", (_name, a, b, expected) => {
    expect([sameJson(a, b), sameJson(b, a)]).toEqual([expected, expected]);
  });

  it("compares values nested 100,000 deep without running out of stack", () => {
    const nest = (leaf: JsonValue): JsonValue => {
      let v = leaf;
      for (let i = 0; i < 100_000; i++) v = [v];
      return v;
    };
    expect([sameJson(nest("x"), nest("x")), sameJson(nest("x"), nest("y"))]).toEqual([true, false]);
  });

  it("does not count an inherited key as present", () => {
    const inherited = Object.create({ a: 1 }) as JsonValue;
    expect(sameJson({ a: 1 }, inherited)).toBe(false);
  });
});
