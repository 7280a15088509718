import { readFileSync } from "node:fs";
import { join } from "node:path";
import { watchFeatures, type Watcher } from "../../codegen/watch";
import { GenerationError } from "../../codegen/problems";
import { flag, tempProject, type TempProject } from "./temp-project";
import { watchRecorder } from "./watch-recorder";

jest.setTimeout(60_000);

let p: TempProject;
let watcher: Watcher | undefined;
afterEach(() => {
  watcher?.close();
  p.dispose();
});

test("regenerates when a feature file changes, reloading it fresh, and survives a failing edit", async () => {
  p = tempProject();
  p.write("alpha.ts", flag("alpha", 0.5));
  const r = watchRecorder();
  watcher = watchFeatures(p.options, r.onRun, 50);

  const first = await r.next();
  expect(first.ok && first.summary.written).toContain("alpha.json");

  p.write("alpha.ts", flag("alpha", 0.125));
  const second = await r.next();
  expect(second.ok && second.summary.written).toEqual(["alpha.json", "alpha.ts", "features.json"]);
  expect(readFileSync(join(p.out, "alpha.json"), "utf8")).toContain('"value": 0.125');

  p.write("alpha.ts", `import { feature } from "DSL";\nthrow new Error("mid-edit");\nexport const alpha = feature("alpha").default(1);\n`);
  const third = await r.next();
  expect(third.ok).toBe(false);
  expect(!third.ok && third.error instanceof GenerationError && third.error.message).toBe("features/alpha.ts:2: Error: mid-edit");
  expect(readFileSync(join(p.out, "alpha.json"), "utf8")).toContain('"value": 0.125');

  p.write("nested/beta.ts", flag("beta"));
  p.write("alpha.ts", flag("alpha", 0.75));
  const fourth = await r.next();
  expect(fourth.ok && fourth.summary.features).toBe(2);
  expect(readFileSync(join(p.out, "alpha.json"), "utf8")).toContain('"value": 0.75');
});

test("regenerates when a file the features import from outside the features folder changes", async () => {
  p = tempProject();
  const segment = (countries: readonly string[]) => `import { ctx } from "DSL";\nexport const beta = ctx.string("country").oneOf(${JSON.stringify(countries)});\n`;
  p.writeOutside("segments/beta.ts", segment(["FR"]));
  p.write("eu.ts", `import { feature } from "DSL";\nimport { beta } from "../segments/beta";\nexport const eu = feature("eu").bucket("beta", beta, true).default(false);\n`);
  const r = watchRecorder();
  watcher = watchFeatures(p.options, r.onRun, 50);
  const first = await r.next();
  expect(first.ok && first.summary.written).toContain("eu.json");
  p.writeOutside("segments/beta.ts", segment(["FR", "DE"]));
  const second = await r.next();
  expect(second.ok && second.summary.written).toContain("eu.json");
  expect(readFileSync(join(p.out, "eu.json"), "utf8")).toContain('"DE"');
}, 240_000);
