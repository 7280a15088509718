import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/Either";
import { featureSource } from "../../../codegen/import/pyof";
import { buildInProcess, canonical, expectedModel, tagsIn } from "../import/imported-source";
import { decodeFeature, FeatureC } from "../../../runtime";
import { attributeDescriptors } from "../../../runtime/vocabulary/attributes";
import { classifierDescriptors } from "../../../runtime/vocabulary/classifiers";

/*
 * Every tag the runtime describes (runtime/vocabulary/) has, in the test data:
 * - golden evaluation cases: a feature in test/fixtures/cases/*.json that holds a node of the tag;
 * - decode-error cases: a case in test/fixtures/decode-errors.json or test/fixtures/decode-cases/
 *   whose reported error lies inside a node of the tag (the innermost tagged node on its path);
 * - an importer round trip: a golden feature holding the tag, imported as DSL source and built
 *   again by the real DSL, is the same model.
 * The lists come from the descriptors, so a new tag fails here, by name, until it has all three.
 */

const fixtures = join(__dirname, "..", "..", "fixtures");
const tags = [...classifierDescriptors.map((d) => d.tag), ...attributeDescriptors.map((d) => d.tag)];

function readCases(path: string): unknown[][] {
  return JSON.parse(readFileSync(path, "utf8")) as unknown[][];
}
const jsonFiles = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(folder, f));

/** The path `buckets[1].classifier.value[0].attribute` as its steps. */
function steps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? (JSON.parse(`"${m[3]}"`) as string) : m[1]!);
  return out;
}

/** The tag of the innermost tagged node on `path` in `document`, if any. */
function innermostTag(document: unknown, path: string): string | undefined {
  let at: unknown = document;
  let tag: string | undefined;
  for (const step of steps(path)) {
    if (typeof at !== "object" || at === null) break;
    const own = (at as { __type?: unknown }).__type;
    if (!Array.isArray(at) && typeof own === "string") tag = own;
    at = (at as Record<string | number, unknown>)[step];
  }
  return tag;
}

const goldenFeatures: unknown[] = jsonFiles(join(fixtures, "cases")).flatMap((file) => readCases(file).map((c) => c[1]));

const decodeErrorCases: { document: unknown; paths: string[] }[] = [
  ...readCases(join(fixtures, "decode-errors.json")),
  ...jsonFiles(join(fixtures, "decode-cases")).flatMap(readCases),
].map((c) => ({ document: c[1], paths: (c[2] as [string, string][]).map(([path]) => path) }));

describe("every rule tag is covered by the test data", () => {
  const evaluated = new Set<string>();
  for (const feature of goldenFeatures) for (const tag of tagsIn(feature)) evaluated.add(tag);

  const refused = new Set<string>();
  for (const { document, paths } of decodeErrorCases) {
    for (const path of paths) {
      const tag = innermostTag(document, path);
      if (tag !== undefined) refused.add(tag);
    }
  }

  it("the descriptor lists name each tag once", () => {
    expect(new Set(tags).size).toBe(tags.length);
  });

  it.each(tags)("%s has golden evaluation cases", (tag) => {
    if (!evaluated.has(tag)) throw new Error(`no feature in test/fixtures/cases/*.json holds a "${tag}" node`);
  });

  it.each(tags)("%s has decode-error cases", (tag) => {
    if (!refused.has(tag)) throw new Error(`no case in test/fixtures/decode-errors.json or decode-cases/ reports an error inside a "${tag}" node`);
  });

  // Each distinct golden feature is imported at most once, and a tag is checked on the first few
  // features that hold it, so the whole table costs a second or two.
  const imported = new Map<string, string>();
  it.each(tags)("%s survives an importer round trip", (tag) => {
    const models = goldenFeatures
      .filter((feature) => tagsIn(feature).has(tag))
      .map((feature) => decodeFeature(feature))
      .filter(E.isRight)
      .map((decoded) => decoded.right)
      .slice(0, 3);
    if (models.length === 0) throw new Error(`no valid golden feature holds a "${tag}" node to import`);
    for (const model of models) {
      const key = JSON.stringify(FeatureC.encode(model));
      if (imported.has(key)) continue;
      imported.set(key, tag);
      const source = featureSource("imported", model, "golden.json", "DSL");
      expect(canonical(buildInProcess("imported", source))).toBe(expectedModel(model, "imported"));
    }
  });
});
