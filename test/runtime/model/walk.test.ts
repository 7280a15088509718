import type { Attribute } from "../../../runtime/model/attribute";
import type { Classifier } from "../../../runtime/model/classifier";
import fc from "fast-check";
import { childNodesOf, childrenOf, forEachAttribute, forEachNode, mapAttributes, someNode } from "../../../runtime/model/walk";
import { isProcessConstant, readsAtLoad } from "../../../runtime/compile/traits";
import { classifierArb, propertyOptions } from "../../support/property";

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

describe("childNodesOf", () => {
  it("gives the nodes childrenOf gives, in order, for every node of any tree (a property, fixed seed)", () => {
    fc.assert(
      fc.property(classifierArb, (root) => {
        forEachNode(root, (node) => {
          expect(childNodesOf(node)).toEqual(childrenOf(node).map((c) => c.node));
        });
      }),
      propertyOptions,
    );
  });

  it("is the node's own array for a junction: no copy per walk", () => {
    expect(childNodesOf(tree)).toBe((tree as { value: readonly Classifier[] }).value);
  });
});

describe("the load-time traits", () => {
  it.each<[string, boolean, boolean, Classifier]>([
    ["a context read", false, false, { __type: "comparison.eq", attribute: user, value: "u" }],
    ["a hostname test", true, false, { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len" }],
    ["an environment variable, nested", true, true, { __type: "bool.none", value: { __type: "comparison.eq", attribute: { __type: "process.env", name: "DEPLOY_ENV" }, value: "prod" } }],
    ["a prerequisite", false, false, { __type: "bool.all", value: [{ __type: "feature.in_bucket", feature: "other", value: ["on"] }] }],
    ["the tree above", false, false, tree],
  ])("%s: process-constant %s, read at load %s", (_name, constant, atLoad, node) => {
    expect(isProcessConstant(node)).toBe(constant);
    expect(readsAtLoad(node)).toBe(atLoad);
  });
});

describe("someNode (the walks' shared stack)", () => {
  it("visits parents before children, stops at the first true, and can be walked again from inside a test", () => {
    const seen: string[] = [];
    const found = someNode(tree, (node) => {
      seen.push(node.__type);
      // A nested walk works above the outer one's entries and leaves them in place.
      expect(someNode(node, () => false)).toBe(false);
      return node.__type === "semver.gte";
    });
    expect(found).toBe(true);
    expect(seen).toEqual(["bool.all", "comparison.lt", "bool.none", "semver.gte"]);
  });

  it("leaves the stack as it found it when a test throws", () => {
    expect(() =>
      someNode(tree, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    const all: string[] = [];
    someNode(tree, (node) => {
      all.push(node.__type);
      return false;
    });
    expect(all).toEqual(["bool.all", "comparison.lt", "bool.none", "semver.gte", "feature.in_bucket"]);
  });
});
