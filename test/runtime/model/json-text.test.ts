import fc from "fast-check";
import { jsonText, writeJsonIteratively } from "../../../runtime/model/json-text";
import { propertyOptions } from "../../support/property";

/*
 * jsonText prints with JSON.stringify and, when that runs out of stack, with an explicit-stack
 * writer. The writer must print exactly what JSON.stringify does.
 */

/** `[[[…0…]]]`, `levels` arrays deep, with an object every other level. */
function nested(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value, "x"] : { a: value, b: null };
  return value;
}

describe("JSON text without recursion", () => {
  it("writes what JSON.stringify writes, for any JSON value and indentation (also objects with undefined members, arrays with holes)", () => {
    const odd = fc.oneof(fc.jsonValue(), fc.constant({ a: undefined, b: 1 }), fc.constant([undefined, () => 1]), fc.constant({ only: undefined }), fc.constant([, 1]));
    const value = fc.oneof(fc.jsonValue(), fc.array(odd), fc.dictionary(fc.string(), odd));
    fc.assert(
      fc.property(value, fc.constantFrom("", " ", "  ", "\t"), (v, gap) => {
        expect(writeJsonIteratively(v, gap)).toBe(JSON.stringify(v, null, gap));
      }),
      propertyOptions,
    );
  });

  it("writes a value 100,000 levels deep, where JSON.stringify runs out of stack; indented, the same text as JSON.stringify at 1,000", () => {
    const deep = nested(100_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const text = jsonText(deep);
    // The text is the one JSON.stringify gives for the same value one level at a time: rebuilt inside out.
    let expected = "0";
    for (let i = 0; i < 100_000; i++) expected = i % 2 === 0 ? `[${expected},"x"]` : `{"a":${expected},"b":null}`;
    expect(text).toBe(expected);
    expect(writeJsonIteratively(nested(1_000), "  ")).toBe(JSON.stringify(nested(1_000), null, 2));
  });

  it("refuses a cycle as JSON.stringify does, with a TypeError, instead of looping", () => {
    const cyclic: unknown[] = [1];
    cyclic.push({ back: cyclic });
    expect(() => writeJsonIteratively(cyclic)).toThrow(TypeError);
    expect(() => jsonText(cyclic)).toThrow(TypeError);
  });
});
