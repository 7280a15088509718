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

describe("the walks are iterative", () => {
  // Far deeper than any stack would allow a recursive walk; a model this deep can only be built
  // by hand (the decoder's depth limit stops input long before), but no walk may depend on that.
  const depth = 100_000;
  let deep: Classifier = { __type: "comparison.eq", attribute: user, value: "x" };
  for (let i = 0; i < depth; i++) deep = i % 2 === 0 ? { __type: "bool.none", value: deep } : { __type: "bool.all", value: [deep] };

  it("forEachNode and forEachAttribute reach the bottom of a very deep tree", () => {
    let nodes = 0;
    let deepest = "";
    forEachNode(deep, (_node, path) => {
      nodes++;
      deepest = path;
    });
    expect(nodes).toBe(depth + 1);
    expect(deepest.split(".").length).toBe(depth);
    const attributes: string[] = [];
    forEachAttribute(deep, (a) => attributes.push(a.__type));
    expect(attributes).toEqual(["context.string"]);
  });

  it("mapAttributes rebuilds a very deep tree, and returns it unchanged when nothing changes", () => {
    expect(mapAttributes(deep, (a) => a)).toBe(deep);
    const renamed = mapAttributes(deep, (a) => (a.__type === "context.string" ? { ...a, name: "accountId" } : a));
    let bottom: Classifier = renamed;
    for (let i = 0; i < depth; i++) bottom = bottom.__type === "bool.none" ? (bottom.value as Classifier) : (bottom as { readonly value: readonly Classifier[] }).value[0]!;
    expect(bottom).toEqual({ __type: "comparison.eq", attribute: { __type: "context.string", name: "accountId" }, value: "x" });
  });
});
