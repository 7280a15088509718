import { contextReader } from "../../../../runtime/vocabulary/attributes/shapes/context-reader";

/*
 * Context attributes read through a pool of identical readers so that each key gets a property
 * load site of its own (see context-reader.ts for why). What must hold: a reader is exactly
 * `ctx[key]`, a key always gets the same reader, and distinct keys get distinct readers while the
 * pool lasts.
 */
describe("contextReader", () => {
  it("reads exactly ctx[key]: present, absent, any type, own or not", () => {
    const read = contextReader("country");
    expect(read({ country: "US" }, "country")).toBe("US");
    expect(read({ country: 3 }, "country")).toBe(3);
    expect(read({}, "country")).toBeUndefined();
  });

  it("gives a key the same reader every time, and the first 64 keys readers of their own", () => {
    // The pool is sized for the keys a service reads (see context-reader.ts): 63 here, beside "country" above.
    const keys = Array.from({ length: 63 }, (_, i) => `reader-test-${i}`);
    const readers = keys.map(contextReader);
    expect(keys.map(contextReader)).toEqual(readers);
    expect(new Set(readers).size).toBe(keys.length);
  });

  it("still answers for more keys than the pool holds, and past the assignment bound", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `many-${i}`);
    for (const key of keys) expect(contextReader(key)({ [key]: key.length }, key)).toBe(key.length);
    expect(contextReader("many-4999")).toBe(contextReader("many-4999"));
  });
});
