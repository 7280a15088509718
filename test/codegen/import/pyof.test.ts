import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../../codegen/generate";
import { importPyof } from "../../../codegen/import/pyof";
import { GenerationError } from "../../../codegen/problems";
import { FeatureC, OfflineFeature } from "../../../runtime";
import { ROOT, tempProject, type TempProject } from "../temp-project";

jest.setTimeout(60_000);

const FIXTURES = join(ROOT, "test", "fixtures", "pyof");

let p: TempProject;
beforeEach(() => {
  p = tempProject();
  copyFileSync(join(FIXTURES, "test.json"), join(p.dir, "test.json"));
  copyFileSync(join(FIXTURES, "test-values-map.json"), join(p.dir, "test-values-map.json"));
});
afterEach(() => p.dispose());

/** The input in the current canonical form: what an equivalent generated JSON must equal. */
const normalized = (path: string) => FeatureC.encode(OfflineFeature.loads(readFileSync(path, "utf8")).model);

test("both PyOF forms round-trip: import, then gen, gives JSON equivalent to the input", async () => {
  const written = importPyof(["test.json", "test-values-map.json"], { cwd: p.dir });
  expect(written).toEqual([join(p.features, "test.ts"), join(p.features, "test-values-map.ts")]);
  await generate(p.options);
  expect(JSON.parse(readFileSync(join(p.out, "test.json"), "utf8"))).toEqual(normalized(join(FIXTURES, "test.json")));
  expect(JSON.parse(readFileSync(join(p.out, "test-values-map.json"), "utf8"))).toEqual(normalized(join(FIXTURES, "test-values-map.json")));
  // The earlier form's buckets without a value take theirs from "values", or the default; 42.0 is 42.
  expect(readFileSync(join(p.features, "test-values-map.ts"), "utf8")).toContain('.bucket("control", c.all(lt(sessionRandom(), 0.9), regex(hostname(), "^len.+")), 42)');
  expect(readFileSync(join(p.out, "test-values-map.ts"), "utf8")).toContain("export type TestValuesMapValue = boolean | 42;");
});

test("the emitted DSL source, in full", async () => {
  importPyof(["test.json"], { cwd: p.dir });
  const dsl = readFileSync(join(p.features, "test.ts"), "utf8").replace(/from "[^"]*dsl"/, 'from "DSL"');
  expect(dsl).toBe(`import { c, eq, feature, hostname, lt, regex, sessionRandom, staticNumber } from "DSL";

/** Imported from test.json by \`offline-features import\`. */
export const test = feature("test")
  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), true)
  .bucket("control", c.all(lt(sessionRandom(), 0.2), regex(hostname(), "^len.+")), false)
  .bucket("", c.all(eq(staticNumber(3), 0.9)), null)
  .default(false);
`);
});

test("rules the typed DSL cannot express, descriptions, versions and objects still round-trip", async () => {
  const feature = {
    type: "offline-feature",
    description: "Odd but valid PyOF",
    python_versions: ["py3.12"],
    node_versions: ">=20",
    buckets: [
      { name: "a", classifier: { __type: "comparison.lt", attribute: { __type: "socket.hostname" }, value: 3 }, value: { limits: [1, 2], "odd-key": null } },
      { name: "b", classifier: { __type: "bool.none", value: [0, ""] }, value: "x" },
      { name: "c", classifier: { __type: "bool.any", value: [{ __type: "comparison.ne", attribute: { __type: "context.string", name: "plan" }, value: "free" }] }, value: "y" },
      { name: "d", classifier: { __type: "bool.all", value: [] }, value: "z" },
    ],
    default: "none",
  };
  writeFileSync(join(p.dir, "odd.json"), JSON.stringify(feature));
  importPyof(["odd.json"], { cwd: p.dir, key: "renamed" });
  const source = readFileSync(join(p.features, "renamed.ts"), "utf8");
  expect(source).toContain('new Rule({"__type":"comparison.lt","attribute":{"__type":"socket.hostname"},"value":3})');
  expect(source).toContain('{ limits: [1, 2], "odd-key": null }');
  expect(source).toContain('c.notLiteral([0,""])');
  expect(source).toContain('ne(ctx.string("plan"), "free")');
  expect(source).toContain("c.always()");
  // Every setting of the feature field table is written: node_versions was once lost here.
  expect(source).toContain('.pythonVersions("py3.12")\n  .nodeVersions(">=20")');
  await generate(p.options);
  expect(JSON.parse(readFileSync(join(p.out, "renamed.json"), "utf8"))).toEqual(normalized(join(p.dir, "odd.json")));
});

test("refuses, writing nothing: an existing feature file, invalid JSON, --key with several files", async () => {
  importPyof(["test.json"], { cwd: p.dir });
  const before = readFileSync(join(p.features, "test.ts"), "utf8");
  writeFileSync(join(p.dir, "broken.json"), JSON.stringify({ type: "offline-feature", buckets: [{ name: "x", classifier: { __type: "nope" } }] }));
  let message = "";
  try {
    importPyof(["test.json", "broken.json", "test-values-map.json"], { cwd: p.dir });
  } catch (e) {
    expect(e).toBeInstanceOf(GenerationError);
    message = (e as Error).message;
  }
  expect(message.split("\n")).toEqual([
    "test.json: features/test.ts exists; pass --force to overwrite it",
    "broken.json: not a PyOF feature:",
    'buckets[0].classifier.__type: unknown classifier "nope"; expected one of bool.all, bool.any, bool.none, comparison.eq, comparison.gt, comparison.gte, comparison.in, comparison.lt, comparison.lte, comparison.ne, comparison.notin, feature.in_bucket, re.match, semver.eq, semver.gt, semver.gte, semver.lt, semver.lte, str.contains, str.endswith, str.startswith, time.after, time.before',
  ]);
  expect(() => importPyof(["test.json", "test-values-map.json"], { cwd: p.dir, key: "k" })).toThrow("--key names one feature, but 2 files were given");
  expect(readFileSync(join(p.features, "test.ts"), "utf8")).toBe(before);
  expect(() => importPyof(["test-values-map.json"], { cwd: p.dir })).not.toThrow();
  importPyof(["test-values-map.json"], { cwd: p.dir, key: "test", force: true });
  expect(readFileSync(join(p.features, "test.ts"), "utf8")).toContain("0.9");
});
