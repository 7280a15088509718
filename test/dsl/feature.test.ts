import { readFileSync } from "node:fs";
import { join } from "node:path";
import { c, ctx, DefinitionError, eq, feature, hostname, lt, regex, sessionRandom, staticNumber } from "../../dsl";
import { OfflineFeature } from "../../runtime";
import { test as seed } from "../fixtures/sample/features/test";

const pyof = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "pyof", name), "utf8");

describe("the DSL builds the same plain data the JSON encodes", () => {
  it("the seed example equals PyOF's values-map file once both are normalized", () => {
    const earlier = OfflineFeature.loads(pyof("test-values-map.json"));
    // The seed example has a description PyOF's file lacks, and fills the "" bucket with the default.
    expect({ ...seed.model, description: undefined }).toEqual({ ...earlier.model, description: undefined });
  });

  it("the earlier form, buckets then .values(), builds the same feature", () => {
    const viaValues = feature("test")
      .description("Holdout and control on len* hosts")
      .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")))
      .bucket("control", c.all(lt(sessionRandom(), 0.9), regex(hostname(), "^len.+")))
      .bucket("", c.all(eq(staticNumber(3), 0.9)))
      .values({ holdout: true, control: 42 })
      .default(false);
    expect(viaValues.dumps()).toBe(seed.dumps());
  });

  it("every call returns a new builder and leaves the previous one unchanged", () => {
    const base = feature("x").description("one");
    const a = base.bucket("a", c.always(), 1);
    const b = base.bucket("b", c.always(), 2);
    expect(a.default(0).model.buckets.map((x) => x.name)).toEqual(["a"]);
    expect(b.default(0).model.buckets.map((x) => x.name)).toEqual(["b"]);
    expect(base.description("two").default(0).model.description).toBe("two");
    expect(base.default(0).model.description).toBe("one");
  });

  it("chained .and/.or/.not and attribute-first comparisons build PyOF's nodes", () => {
    const rule = sessionRandom().lt(0.1).and(hostname().regex("^len")).and(staticNumber(1).eq(1)).or(ctx.boolean("beta").eq(true).not());
    expect(rule.def).toEqual({
      __type: "bool.any",
      value: [
        {
          __type: "bool.all",
          value: [
            { __type: "comparison.lt", attribute: { __type: "random.session" }, value: 0.1 },
            { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len" },
            { __type: "comparison.eq", attribute: { __type: "static.number", value: 1 }, value: 1 },
          ],
        },
        { __type: "bool.none", value: { __type: "comparison.eq", attribute: { __type: "context.boolean", name: "beta" }, value: true } },
      ],
    });
  });

  it("pythonVersions and ne are written as PyOF writes them", () => {
    const f = feature("pv").pythonVersions("py3.12", "py3.14").bucket("a", staticNumber(3).ne(4), "x").default("y");
    const json = JSON.parse(f.dumps());
    expect(json.python_versions).toEqual(["py3.12", "py3.14"]);
    expect(json.buckets[0].classifier.__type).toBe("comparison.ne");
    expect(f.getValue()).toBe("x");
  });

  it("the definition's source location is recorded", () => {
    const f = feature("located").default(1);
    expect(f.source?.file).toBe("test/dsl/feature.test.ts");
    expect(f.key).toBe("located");
  });
});

describe("invalid definitions throw when they run, naming file:line, feature and bucket", () => {
  const thrown = (define: () => unknown): DefinitionError => {
    try {
      define();
    } catch (e) {
      if (e instanceof DefinitionError) return e;
      throw e;
    }
    throw new Error("expected a DefinitionError");
  };

  it("the reserved bucket name", () => {
    // Casts defeat the compile-time check, as plain JavaScript callers would.
    const e = thrown(() => feature("f").bucket("default" as string, c.always(), 1));
    expect(e.message).toMatch(/^test\/dsl\/feature\.test\.ts:\d+: feature "f", bucket "default": the bucket name "default" is reserved/);
  });

  it("a duplicate bucket name", () => {
    const e = thrown(() => feature("f").bucket("a", c.always(), 1).bucket("a" as string, c.always(), 2));
    expect(e.message).toMatch(/feature "f", bucket "a": duplicate bucket name/);
  });

  it.each(["", "1abc", "-lead", "trail-", "double--dash", "a..b", "with space", "slash/key", "x".repeat(129)])("the feature key %j", (key) => {
    expect(thrown(() => feature(key)).message).toMatch(/expected a feature key/);
  });

  it.each(["new-checkout", "newCheckout", "new_checkout", "checkout.v2", "_beta", "constructor"])("accepts the feature key %j", (key) => {
    expect(feature(key).default(false).key).toBe(key);
  });

  it("an invalid regex", () => {
    const e = thrown(() => feature("f").bucket("b", regex(hostname(), "(unclosed"), 1));
    expect(e.message).toMatch(/feature "f", bucket "b": value: invalid regular expression "\(unclosed"/);
  });

  it(".values naming a bucket that does not exist", () => {
    const e = thrown(() => feature("f").bucket("a", c.always()).values({ b: 1 } as unknown as { a: number }));
    expect(e.message).toMatch(/feature "f": \.values\(\) names "b", which is not a bucket/);
  });

  it("an explicit undefined for an optional property of a declared type (the compiler checks the type, not this)", () => {
    interface Banner {
      readonly title: string;
      readonly subtitle?: string;
    }
    const e = thrown(() => feature("f").valueType<Banner>().default({ title: "x", subtitle: undefined }));
    expect(e.message).toMatch(/^test\/dsl\/feature\.test\.ts:\d+: feature "f": .*default: expected a JSON value at \.subtitle, found undefined$/s);
  });

  it("a context attribute named like an ambient override", () => {
    expect(thrown(() => ctx.string("hostname")).message).toMatch(/"hostname" is reserved/);
    expect(thrown(() => ctx.number("9lives")).message).toMatch(/expected a context attribute name like "userId"/);
  });
});
