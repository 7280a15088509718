import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveGenOptions } from "../../../../codegen/cli/options";
import { generateInMemory, type Generated } from "../../../../codegen/pipeline/plan-outputs";
import { ROOT } from "../../temp-project";

jest.setTimeout(60_000);

/** The fixture project: a copy of the bundled example, so the tests do not depend on the example. */
const SAMPLE = join(ROOT, "test", "fixtures", "sample");

// The fixture project's features, generated in memory (the cache is not consulted).
let generated: Generated;
beforeAll(async () => {
  generated = await generateInMemory(resolveGenOptions({ cwd: SAMPLE, cacheDir: false }));
});

test("the seed feature's accessor module, in full", () => {
  expect(generated.files.get("test.ts")).toMatchSnapshot();
});

test("the store module and the index, in full", () => {
  expect(generated.files.get("feature-store.ts")).toMatchSnapshot();
  expect(generated.files.get("index.ts")).toMatchSnapshot();
});

test("what is committed under the fixture's generated/ is what the generator produces (regenerate: cd test/fixtures/sample && node ../../../bin/offline-features.js gen)", () => {
  for (const [name, content] of generated.files) expect([name, readFileSync(join(SAMPLE, "generated", name), "utf8")]).toEqual([name, content]);
});

test("the seed feature's JSON is its canonical dumps(), PyOF-loadable, and the bundle carries it with a verifiable hash", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { test: seed } = require("../../../fixtures/sample/features/test") as typeof import("../../../fixtures/sample/features/test");
  expect(generated.files.get("test.json")).toBe(`${seed.dumps()}\n`);
  const bundle = JSON.parse(generated.files.get("features.json")!);
  expect(bundle.features.test).toEqual(JSON.parse(seed.dumps()));
  expect(bundle.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
});
