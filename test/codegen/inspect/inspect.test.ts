import { existsSync, readdirSync } from "node:fs";
import { generate } from "../../../codegen/generate";
import { explainCommand, lintCommand, schemaText } from "../../../codegen/inspect";
import { GenerationError } from "../../../codegen/problems";
import { tempProject, type TempProject } from "../temp-project";

jest.setTimeout(60_000);

let p: TempProject;
beforeEach(() => {
  p = tempProject();
});
afterEach(() => p.dispose());

const shadowed = `import { feature, c, ctx } from "DSL";

export const shadow = feature("shadow")
  .bucket("everyone", c.always(), 1)
  .bucket("late", ctx.string("plan").eq("pro"), 2)
  .default(0);
`;

const rollout = (key: string, salt: string) => `import { feature, ctx, lt, unitRandom } from "DSL";

export const ${key} = feature("${key}")
  .bucket("on", lt(unitRandom(ctx.string("userId"), "${salt}"), 0.1), true)
  .default(false);
`;

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof GenerationError) return e.message;
    throw e;
  }
  throw new Error("expected a GenerationError");
}

describe("gen runs the static checks", () => {
  it("an error blocks generation, names file:line, bucket, path and rule, and writes nothing", async () => {
    p.write("shadow.ts", shadowed);
    const message = await failure(() => generate(p.options));
    expect(message).toBe(
      'features/shadow.ts:5: error: feature "shadow", bucket "late" (buckets[1]): bucket "late" can never match: bucket "everyone" (buckets[0]) comes first and always matches [unreachable-bucket]',
    );
    expect(existsSync(p.out)).toBe(false);
  });

  it("a warning is reported and generation goes on", async () => {
    p.write("a.ts", rollout("a", "shared"));
    p.write("b.ts", rollout("b", "shared"));
    const summary = await generate(p.options);
    expect(summary.warnings.map((w) => `${w.where}: ${w.message}`)).toEqual([
      'features/a.ts:4: warning: feature "a", bucket "on": features "a", "b" share the rollout salt "shared", so they pick the same units [shared-salt]',
    ]);
    expect(readdirSync(p.out)).toContain("a.json");
  });

  it("a bucket value that does not fit the declared value type is an error at its line", async () => {
    p.write(
      "typed.ts",
      `import { feature, c } from "DSL";

export interface Limits { readonly max: number }

export const typed = feature("typed")
  .valueType<Limits>()
  .bucket("big", c.always(), { max: "lots" })
  .default({ max: 1 });
`,
    );
    expect(await failure(() => generate(p.options))).toMatch(/^features\/typed\.ts:7: TS2322: Type 'string' is not assignable to type 'number'/);
  });
});

describe("offline-features lint", () => {
  it("passes clean features, counting them", async () => {
    p.write("a.ts", rollout("a", "a"));
    expect(await lintCommand(p.options)).toEqual({ ok: true, lines: ["1 feature checked: no errors, no warnings"] });
  });

  it("fails with every error and writes nothing", async () => {
    p.write("shadow.ts", shadowed);
    const result = await lintCommand(p.options);
    expect(result.ok).toBe(false);
    expect(result.lines.join("\n")).toContain("[unreachable-bucket]");
    expect(existsSync(p.out)).toBe(false);
  });

  it("lists warnings and still passes", async () => {
    p.write("a.ts", rollout("a", "shared"));
    p.write("b.ts", rollout("b", "shared"));
    const result = await lintCommand(p.options);
    expect(result.ok).toBe(true);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]).toBe("2 features checked: no errors, 1 warning");
  });
});

describe("offline-features explain", () => {
  it("prints the rules, the conditions and the exact shares", async () => {
    p.write(
      "seed.ts",
      `import { feature, c, lt, regex, sessionRandom, hostname } from "DSL";

export const seed = feature("seed")
  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), true)
  .bucket("control", c.all(lt(sessionRandom(), 0.9), regex(hostname(), "^len.+")), 42)
  .default(false);
`,
    );
    const lines = await explainCommand(p.options, "seed");
    expect(lines).toContain("  1. hostname ~ /^len.+/");
    expect(lines).toContain('  when hostname ~ /^len.+/: "holdout" 10%, "control" 80%, "default" 10%');
    expect(lines).toContain('  when not hostname ~ /^len.+/: "default" 100%');
  });

  it("names the features there are when the key is unknown", async () => {
    p.write("a.ts", rollout("a", "a"));
    expect(await failure(() => explainCommand(p.options, "nope"))).toMatch(/no feature "nope"; the features are "a"/);
  });
});

describe("offline-features schema", () => {
  it("prints the JSON Schema of the feature format", () => {
    const schema = JSON.parse(schemaText());
    expect(schema.$id).toBe("urn:offline-features:feature");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});
