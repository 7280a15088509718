import { loadFeaturesInWorker } from "../../../../codegen/pipeline/load/in-worker";
import { tempProject, type TempProject } from "../../temp-project";

jest.setTimeout(60_000);

let p: TempProject;
beforeEach(() => {
  p = tempProject();
});
afterEach(() => p.dispose());

/** A feature whose default is the `size` a helper module outside features/ exports. */
const SIZED = `import { feature } from "DSL";\nimport { size } from "../helpers/size";\nexport const sized = feature("sized").default(size);\n`;

const defaults = async (files: readonly string[]) => (await loadFeaturesInWorker(p.options, files)).features.map((f) => [f.key, f.model.default]);

describe("loadFeaturesInWorker", () => {
  test("runs in one process see each file as it is now, the files they import included, as a fresh thread would", async () => {
    p.writeOutside("helpers/size.ts", "export const size = 1;\n");
    const file = p.write("sized.ts", SIZED);
    expect(await defaults([file])).toEqual([["sized", 1]]);
    p.writeOutside("helpers/size.ts", "export const size = 2;\n");
    expect(await defaults([file])).toEqual([["sized", 2]]);
    // A module a run loaded is forgotten by the next, even when the next does not load it.
    const other = p.write("other.ts", `import { feature } from "DSL";\nexport const other = feature("other").default(0);\n`);
    const loaded = await loadFeaturesInWorker(p.options, [other]);
    expect(loaded.loadedModules?.some((m) => m.endsWith("size.ts"))).toBe(false);
  });

  test("a feature file that leaves a timer running does not hold the run", async () => {
    const file = p.write("ticking.ts", `import { feature } from "DSL";\nsetInterval(() => undefined, 1_000);\nexport const ticking = feature("ticking").default(true);\n`);
    expect(await defaults([file])).toEqual([["ticking", true]]);
  });

  test("a result too deep for the main thread to read back fails the run instead of leaving it waiting", async () => {
    // Built in a loop, so the source is shallow and only the model is deep.
    const deep = p.write("deep.ts", `import { feature, c, eq, ctx } from "DSL";\nlet rule = eq(ctx.string("country"), "FR");\nfor (let i = 0; i < 5000; i++) rule = c.not(rule);\nexport const deep = feature("deep").bucket("x", rule, true).default(false);\n`);
    await expect(loadFeaturesInWorker(p.options, [deep])).rejects.toThrow("could not be read back from the worker thread");
  });

  test("a feature file that ends its thread fails that run only; the next run gets a new thread", async () => {
    const exits = p.write("exits.ts", `process.exit(3);\n`);
    await expect(loadFeaturesInWorker(p.options, [exits])).rejects.toThrow("the worker loading feature files stopped (exit code 3) without a result");
    const fine = p.write("fine.ts", `import { feature } from "DSL";\nexport const fine = feature("fine").default("yes");\n`);
    expect(await defaults([fine])).toEqual([["fine", "yes"]]);
  });
});
