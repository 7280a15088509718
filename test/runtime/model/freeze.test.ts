import { deepFreeze } from "../../../runtime/model/freeze";
import { documentSizeProblem, DEFAULT_LIMITS } from "../../../runtime/decode/limits";

const DEEP = 100_000;

describe("deepFreeze", () => {
  it("freezes every object and array a value holds", () => {
    const value = { a: [{ b: 1 }, [2]], c: { d: { e: [] } } };
    deepFreeze(value);
    expect([value, value.a, value.a[0], value.a[1], value.c, value.c.d, value.c.d.e].every(Object.isFrozen)).toBe(true);
  });

  it(`freezes a value ${DEEP.toLocaleString("en")} levels deep without recursion`, () => {
    const root: unknown[] = [];
    let innermost = root;
    for (let i = 0; i < DEEP; i++) {
      const next: unknown[] = [];
      innermost.push(next);
      innermost = next;
    }
    deepFreeze(root);
    expect(Object.isFrozen(root)).toBe(true);
    expect(Object.isFrozen(innermost)).toBe(true);
  });
});

describe("the depth and value count check before decoding", () => {
  it(`walks a document ${DEEP.toLocaleString("en")} levels deep with an explicit stack, under limits raised for it, and refuses it under the defaults`, () => {
    // JSON.parse is iterative in V8, so the text of such a document parses; the check must not recurse either.
    const document = JSON.parse(`${"[".repeat(DEEP)}${"]".repeat(DEEP)}`) as unknown;
    expect(documentSizeProblem(document, { ...DEFAULT_LIMITS, depth: DEEP + 1 })).toBeUndefined();
    expect(documentSizeProblem(document)).toMatch(/nests deeper than 256 levels; the limit is limits\.depth = 256/);
  });
});
