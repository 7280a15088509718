import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { watchFeatures, type WatchEvent, type Watcher } from "../../codegen/watch";
import { GenerationError } from "../../codegen/problems";
import { generateInMemory } from "../../codegen/pipeline/plan-outputs";
import { flag, tempProject, type TempProject } from "./temp-project";
import { watchRecorder, type WatchRecorder } from "./watch-recorder";

/*
 * `gen --watch` keeps one session across runs (pipeline/incremental/watch-session.ts): after each
 * edit the out folder must hold, byte for byte, what a fresh generation from the files on disk
 * gives. One project and one watcher serve every step, in order.
 */

jest.setTimeout(120_000);

let p: TempProject;
let watcher: Watcher | undefined;
afterAll(() => {
  watcher?.close();
  p.dispose();
});

/** Every file under the out folder, by path relative to it. */
function outFolder(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(p.out, { recursive: true }).map(String).sort()) {
    const path = join(p.out, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path, "utf8"));
  }
  return files;
}

/** The out folder is exactly what a fresh generation writes. */
async function expectAsFresh(): Promise<void> {
  const fresh = await generateInMemory(p.options);
  expect(outFolder()).toEqual(new Map([...fresh.files].sort(([a], [b]) => (a < b ? -1 : 1))));
}

async function expectRun(r: WatchRecorder): Promise<Extract<WatchEvent, { ok: true }>["summary"]> {
  const event = await r.next();
  if (!event.ok) throw event.error;
  return event.summary;
}

const shared = (countries: readonly string[], modes: readonly string[]) =>
  `import { ctx } from "DSL";\nexport const beta = ctx.string("country").oneOf(${JSON.stringify(countries)});\nexport type Mode = ${modes.map((m) => JSON.stringify(m)).join(" | ")};\n`;
const usesRule = (value: string) =>
  `import { feature } from "DSL";\nimport { beta } from "../segments/shared";\nexport const alpha = feature("alpha").bucket("beta", beta, "${value}").default("off");\n`;
// The value type comes from a type-only import: gone at run time, still part of the generated types.
const usesType = (fallback: string) =>
  `import { feature } from "DSL";\nimport type { Mode } from "../segments/shared";\nimport { beta } from "../segments/shared";\nexport const bravo = feature("bravo").valueType<Mode>().bucket("beta", beta, "on").default(${fallback});\n`;

test("after each edit, the out folder is what a fresh gen writes", async () => {
  p = tempProject();
  p.writeOutside("segments/shared.ts", shared(["FR"], ["on", "off"]));
  p.write("alpha.ts", usesRule("on"));
  p.write("bravo.ts", usesType('"off"'));
  p.write("charlie.ts", flag("charlie", 0.25));
  const r = watchRecorder(100_000);
  watcher = watchFeatures(p.options, r.onRun, 50);
  expect((await expectRun(r)).features).toBe(3);
  await expectAsFresh();

  // One feature file.
  p.write("alpha.ts", usesRule("beta-on"));
  expect((await expectRun(r)).written).toEqual(["alpha.json", "alpha.ts", "features.json"]);
  await expectAsFresh();

  // A segment outside the features folder, imported by two features (one of them for a type only).
  p.writeOutside("segments/shared.ts", shared(["FR", "DE"], ["on", "off", "auto"]));
  const segment = await expectRun(r);
  expect(segment.written).toEqual(expect.arrayContaining(["alpha.json", "bravo.json", "bravo.ts"]));
  expect(readFileSync(join(p.out, "bravo.ts"), "utf8")).toContain('t.literal("auto")');
  await expectAsFresh();

  // A new feature file, then the same file deleted.
  p.write("delta.ts", flag("delta"));
  expect((await expectRun(r)).features).toBe(4);
  await expectAsFresh();
  p.remove("delta.ts");
  const removed = await expectRun(r);
  expect([removed.features, removed.removed]).toEqual([3, ["delta.json", "delta.ts"]]);
  await expectAsFresh();

  // A type error fails the run and leaves the output as it was; fixing it regenerates.
  const before = outFolder();
  p.write("bravo.ts", usesType("42"));
  const failed = await r.next();
  expect(failed.ok).toBe(false);
  expect(!failed.ok && failed.error instanceof GenerationError && failed.error.message).toMatch(/^features\/bravo\.ts:4: TS\d+: /);
  expect(outFolder()).toEqual(before);
  p.write("bravo.ts", usesType('"auto"'));
  expect((await expectRun(r)).written).toEqual(["bravo.json", "bravo.ts", "features.json"]);
  await expectAsFresh();
});
