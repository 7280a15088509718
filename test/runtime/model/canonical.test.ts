import { canonicalRecord, sortedValue } from "../../../runtime/model/canonical";
import { FeatureC, type FeatureModel, type JsonValue } from "../../../runtime";

/** `[[[…]]]` nested `depth` levels, built with a loop. */
function deepArray(depth: number): JsonValue {
  let value: JsonValue = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** How deep a value nests along its first items, counted with a loop. */
function depthOf(value: unknown): number {
  let depth = 0;
  for (let v = value; Array.isArray(v) && v.length > 0; v = v[0]) depth++;
  return depth;
}

/** Far deeper than the call stack allows any recursive walk to go (about 10,000 frames here). */
const DEEP = 100_000;

describe("canonical encoding", () => {
  it("orders model fields as PyOF does and sorts the keys of user values at every level", () => {
    const model = {
      default: { b: 1, a: [{ z: 1, y: 2 }] },
      buckets: [{ value: { d: 1, c: 2 }, classifier: { value: [{ value: 1, attribute: { name: "n", __type: "context.number" }, __type: "comparison.eq" }], __type: "bool.all" }, name: "x" }],
      python_versions: ["all"],
      type: "offline-feature",
    };
    expect(JSON.stringify(canonicalRecord(model))).toBe(
      '{"type":"offline-feature","python_versions":["all"],"buckets":[{"name":"x","classifier":{"__type":"bool.all","value":[{"__type":"comparison.eq","attribute":{"__type":"context.number","name":"n"},"value":1}]},"value":{"c":2,"d":1}}],"default":{"a":[{"y":2,"z":1}],"b":1}}',
    );
  });

  it('keeps a "__proto__" key of a user value as data, never as a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    const sorted = sortedValue(value) as Record<string, unknown>;
    expect(Object.keys(sorted)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(sorted)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`writes a value ${DEEP.toLocaleString("en")} levels deep without recursion (a recursive walk overflows at a few thousand)`, () => {
    expect(depthOf(sortedValue(deepArray(DEEP)))).toBe(DEEP);
    const model: FeatureModel = { type: "offline-feature", python_versions: ["all"], buckets: [{ name: "deep", classifier: { __type: "bool.all", value: [] }, value: deepArray(DEEP) }], default: deepArray(DEEP) };
    const encoded = FeatureC.encode(model) as { buckets: { value: unknown }[]; default: unknown };
    expect(depthOf(encoded.default)).toBe(DEEP);
    expect(depthOf(encoded.buckets[0]!.value)).toBe(DEEP);
  });

  it(`writes a rule tree ${DEEP.toLocaleString("en")} levels deep (bool.none of bool.none …) without recursion`, () => {
    let classifier: Record<string, unknown> = { __type: "comparison.eq", attribute: { __type: "context.number", name: "n" }, value: 1 };
    for (let i = 0; i < DEEP; i++) classifier = { value: classifier, __type: "bool.none" };
    const encoded = canonicalRecord({ buckets: [{ value: 1, classifier, name: "b" }], type: "offline-feature" }) as { buckets: { classifier: Record<string, unknown> }[] };
    let levels = 0;
    let node = encoded.buckets[0]!.classifier;
    for (; node.__type === "bool.none"; node = node.value as Record<string, unknown>) {
      if (levels === 0) expect(Object.keys(node)).toEqual(["__type", "value"]);
      levels++;
    }
    expect(levels).toBe(DEEP);
    expect(Object.keys(node)).toEqual(["__type", "attribute", "value"]);
  });
});
