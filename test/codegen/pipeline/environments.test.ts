import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../../codegen/generate";
import { GenerationError } from "../../../codegen/problems";
import { foldEnvironment } from "../../../codegen/pipeline/environments";
import { c, environment, feature, inEnvironment, lt, sessionRandom } from "../../../dsl";
import type { FeatureModel } from "../../../runtime";
import { nodeRequire } from "../node-require";
import { tempProject, type TempProject } from "../temp-project";

jest.setTimeout(240_000);

const env = environment();
const rollout = lt(sessionRandom(), 0.1);

describe("folding environment conditions", () => {
  const model = (...buckets: [string, ReturnType<typeof c.all>][]): FeatureModel => {
    let builder = feature("f") as unknown as { bucket(n: string, r: unknown, v: unknown): typeof builder; default(v: unknown): { model: FeatureModel } };
    for (const [name, rule] of buckets) builder = builder.bucket(name, rule, name);
    return builder.default("off").model;
  };
  const names = (m: FeatureModel) => m.buckets.map((b) => `${b.name}: ${JSON.stringify(b.classifier)}`);

  it.each<[string, FeatureModel, string, string[]]>([
    ["eq true: the bucket always matches and ends the list", model(["s", env.eq("staging")], ["r", rollout]), "staging", ['s: {"__type":"bool.all","value":[]}']],
    ["eq false: the bucket is dropped", model(["s", env.eq("staging")], ["r", rollout]), "production", ['r: {"__type":"comparison.lt","attribute":{"__type":"random.session"},"value":0.1}']],
    ["inside all: the true part goes, the rest stays", model(["p", c.all(env.eq("production"), rollout)]), "production", ['p: {"__type":"bool.all","value":[{"__type":"comparison.lt","attribute":{"__type":"random.session"},"value":0.1}]}']],
    ["inside all: a false part makes it false", model(["p", c.all(env.eq("production"), rollout)]), "staging", []],
    ["any with a true part is true", model(["a", c.any(inEnvironment("staging", "qa"), rollout)]), "qa", ['a: {"__type":"bool.all","value":[]}']],
    ["not flips", model(["n", env.eq("production").not()], ["r", rollout]), "production", ['r: {"__type":"comparison.lt","attribute":{"__type":"random.session"},"value":0.1}']],
    ["ne and noneOf", model(["x", c.all(env.ne("staging"), env.noneOf(["qa"]))]), "production", ['x: {"__type":"bool.all","value":[]}']],
    ["startsWith and regex", model(["x", env.startsWith("eu-")], ["y", env.regex("^us")]), "us-east", ['y: {"__type":"bool.all","value":[]}']],
  ])("%s", (_name, m, environmentName, expected) => {
    expect(names(foldEnvironment(m, environmentName))).toEqual(expected);
    expect(JSON.stringify(foldEnvironment(m, environmentName))).not.toContain("process.env");
  });

  it("a feature without environment conditions comes back as the same object", () => {
    const m = model(["r", rollout]);
    expect(foldEnvironment(m, "production")).toBe(m);
  });
});

describe("gen with declared environments", () => {
  let p: TempProject;
  beforeAll(async () => {
    p = tempProject();
    p.write("environments.ts", `import { environments } from "DSL";\nexport const deployment = environments(["staging", "production"], { default: "staging" });\n`);
    p.write(
      "checkout.ts",
      `import { feature, c, ctx, environment, inEnvironment, lt, unitRandom } from "DSL";
export const checkout = feature("checkout")
  .bucket("everyone_on_staging", inEnvironment("staging"), "new")
  .bucket("rollout", c.all(environment().eq("production"), lt(unitRandom(ctx.string("userId")), 0.1)), "new")
  .default("old");
export const plain = feature("plain").bucket("on", lt(unitRandom(ctx.string("userId")), 0.5), true).default(false);
`,
    );
    await generate(p.options);
  });
  afterAll(() => p.dispose());

  const bundle = (name: string) => JSON.parse(readFileSync(join(p.out, "bundles", `${name}.json`), "utf8"));

  it("writes one bundle per environment, folded, and no environment-neutral JSON", () => {
    expect(existsSync(join(p.out, "features.json"))).toBe(false);
    expect(existsSync(join(p.out, "checkout.json"))).toBe(false);
    const production = bundle("production");
    const staging = bundle("staging");
    expect(production.environment).toBe("production");
    expect(production.features.checkout.buckets.map((b: { name: string }) => b.name)).toEqual(["rollout"]);
    expect(staging.features.checkout.buckets).toEqual([{ name: "everyone_on_staging", classifier: { __type: "bool.all", value: [] }, value: "new" }]);
    // Only PyOF-known tags: no environment condition survives.
    for (const b of [production, staging]) expect(JSON.stringify(b)).not.toContain("process.env");
    expect(production.features.plain).toEqual(staging.features.plain);
  });

  it("the generated store serves the environment it is told, and refuses another environment's bundle", () => {
    const generated = nodeRequire(join(p.out, "index.ts")) as {
      getCheckout(ctx: { userId: string }): string;
      useEnvironment(name: string): { _tag: string };
      loaded: { _tag: string };
      store: { environment: string | undefined; replace(json: unknown): { _tag: string; left?: { message: string } } };
    };
    // OFFLINE_FEATURES_ENV is unset in tests: the declared default, staging.
    expect(generated.loaded._tag).toBe("Right");
    expect(generated.store.environment).toBe("staging");
    expect(generated.getCheckout({ userId: "u-1" })).toBe("new");
    expect(generated.useEnvironment("production")._tag).toBe("Right");
    const answers = new Set(Array.from({ length: 200 }, (_, i) => generated.getCheckout({ userId: `u-${i}` })));
    expect(answers).toEqual(new Set(["new", "old"]));
    const refused = generated.store.replace(bundle("staging"));
    expect(refused._tag).toBe("Left");
    expect(refused.left!.message).toContain('environment: the bundle is for environment "staging"; the store serves "production"');
    expect(generated.useEnvironment("prod" as string)._tag).toBe("Left");
    expect(generated.store.environment).toBe("production");
  });

  it("an environment name nobody declared fails the run at the bucket's line", async () => {
    p.write("typo.ts", `import { feature, environment } from "DSL";\nexport const typo = feature("typo")\n  .bucket("prod_only", environment().eq("prod"), true)\n  .default(false);\n`);
    let message = "";
    try {
      await generate(p.options);
    } catch (e) {
      expect(e).toBeInstanceOf(GenerationError);
      message = (e as Error).message;
    }
    p.remove("typo.ts");
    expect(message).toContain('features/typo.ts:3: feature "typo", bucket "prod_only" (buckets[0].classifier): environment "prod" is not declared (declared: "staging", "production")');
  });
});
