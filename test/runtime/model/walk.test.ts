import type { Attribute } from "../../../runtime/model/attribute";
import type { Classifier } from "../../../runtime/model/classifier";
import { forEachAttribute, forEachNode, mapAttributes } from "../../../runtime/model/walk";

const user: Attribute = { __type: "context.string", name: "userId" };
const tree: Classifier = {
  __type: "bool.all",
  value: [
    { __type: "comparison.lt", attribute: { __type: "random.unit", attribute: { __type: "random.unit", attribute: user, salt: "inner" } }, value: 0.1 },
    { __type: "bool.none", value: { __type: "semver.gte", attribute: { __type: "context.version", name: "v" }, value: "1.0.0" } },
    { __type: "feature.in_bucket", feature: "other", value: ["on"] },
  ],
};

describe("forEachAttribute", () => {
  it("visits attributes held by attributes, outermost first", () => {
    const seen: string[] = [];
    forEachAttribute(tree, (a) => seen.push(a.__type));
    expect(seen).toEqual(["random.unit", "random.unit", "context.string", "context.version"]);
  });
});

describe("forEachNode", () => {
  it("visits every classifier with its path below the root", () => {
    const seen: [string, string][] = [];
    forEachNode(tree, (node, path) => seen.push([node.__type, path]));
    expect(seen).toEqual([
      ["bool.all", ""],
      ["comparison.lt", "value[0]"],
      ["bool.none", "value[1]"],
      ["semver.gte", "value[1].value"],
      ["feature.in_bucket", "value[2]"],
    ]);
  });
});

describe("mapAttributes", () => {
  it("rewrites nested attributes innermost first, without touching the original", () => {
    const before = JSON.stringify(tree);
    const order: string[] = [];
    const salted = mapAttributes(tree, (a) => {
      order.push(a.__type);
      return a.__type === "random.unit" && a.salt === undefined ? { ...a, salt: "outer" } : a;
    });
    expect(order).toEqual(["context.string", "random.unit", "random.unit", "context.version"]);
    expect(JSON.stringify(tree)).toBe(before);
    expect((salted as Extract<Classifier, { __type: "bool.all" }>).value[0]).toMatchObject({
      attribute: { __type: "random.unit", salt: "outer", attribute: { __type: "random.unit", salt: "inner" } },
    });
  });

  it("returns leaves whose attribute did not change as they are", () => {
    type All = Extract<Classifier, { __type: "bool.all" }>;
    type None = Extract<Classifier, { __type: "bool.none" }>;
    const same = mapAttributes(tree, (a) => a) as All;
    const original = tree as All;
    expect((same.value[1] as None).value).toBe((original.value[1] as None).value);
    expect(same.value[2]).toBe(original.value[2]);
  });
});
