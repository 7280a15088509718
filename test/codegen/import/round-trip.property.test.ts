import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/Either";
import * as dsl from "../../../dsl";
import { generate } from "../../../codegen/generate";
import { featureSource } from "../../../codegen/import/pyof";
import { lintFeatures } from "../../../codegen/pipeline/lint";
import { decodeFeature, FeatureC, type FeatureModel } from "../../../runtime";
import { attributeCodecs } from "../../../runtime/model/attribute";
import { classifierCodecs } from "../../../runtime/model/classifier";
import { FEATURE_FIELD_ORDER } from "../../../runtime/model/feature-fields";
import { featureDocument } from "../../runtime/model-arbitraries";
import { tempProject } from "../temp-project";

/*
 * The importer's promise, as a property: any valid feature, imported as DSL source and built again,
 * is the same model (compared as canonical JSON). Random documents come from the model arbitraries;
 * the invalid ones among them are skipped. Most cases build the source in-process (run against the
 * real DSL), so hundreds of features take a few seconds; one batch goes through
 * a real `gen` in a temporary project, which also type-checks the imported source against the DSL.
 * The seed is fixed; fast-check prints it and the shrunk counterexample on a failure.
 */

jest.setTimeout(60_000);

const SEED = 20261202;
const canonical = (model: FeatureModel) => JSON.stringify(FeatureC.encode(model));

/**
 * What the DSL builds for `model` under `key`: the model itself, except that a rollout without a
 * salt gets the feature key as its salt. That is the DSL's documented behaviour ("the salt defaults
 * to the feature key: the DSL writes it into the JSON"), and the same bucketing as the JSON without
 * a salt loaded under that key; it is the one deliberate difference the round trip has.
 */
function expectedModel(model: FeatureModel, key: string): string {
  const json = JSON.parse(JSON.stringify(FeatureC.encode(model))) as unknown;
  const stack = [json];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    const record = v as Record<string, unknown>;
    if (record.__type === "random.unit" && record.salt === undefined) record.salt = key;
    stack.push(...Object.values(record));
  }
  const decoded = decodeFeature(json);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return canonical(decoded.right);
}

/** The valid features among the arbitrary documents, decoded. */
const validFeature: fc.Arbitrary<FeatureModel> = featureDocument
  .map((doc) => decodeFeature(doc))
  .filter(E.isRight)
  .map((decoded) => decoded.right);

/*
 * The imported source is plain JavaScript apart from its one import declaration and its export
 * (values are JSON literals, rules DSL calls): those two lines are rewritten to CommonJS, which
 * is what makes hundreds of cases cheap (a TypeScript transpile per case costs more than the rest
 * of the case). Should the importer ever write TypeScript-only syntax, running it fails loudly
 * here, and the real gen below type-checks the sources as written either way.
 */
const IMPORT = /^import \{ ([^}]*) \} from "DSL";$/m;
const EXPORT = /^export const (\w+) =/m;

/** Runs the imported source of `key` (importing "DSL") against the real DSL and returns its model. */
function buildInProcess(key: string, source: string): FeatureModel {
  expect(source).toMatch(IMPORT);
  expect(source).toMatch(EXPORT);
  const js = source.replace(IMPORT, 'const { $1 } = require("DSL");').replace(EXPORT, "exports.$1 =");
  const exports: Record<string, { model: FeatureModel }> = {};
  const require = (id: string) => {
    if (id !== "DSL") throw new Error(`the imported source requires ${id}`);
    return dsl;
  };
  // This realm's Function, so the source's object literals are this realm's plain objects, as the DSL requires.
  new Function("exports", "require", `${js}\n//# sourceURL=features/${key}.ts`)(exports, require);
  const [exported, ...more] = Object.values(exports);
  if (exported === undefined || more.length > 0) throw new Error(`expected one export, found ${Object.keys(exports).join(", ")}`);
  return exported.model;
}

/** Every `__type` tag in a JSON value. */
function tagsIn(value: unknown, into: Set<string>): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (!Array.isArray(v) && typeof (v as { __type?: unknown }).__type === "string") into.add((v as { __type: string }).__type);
    stack.push(...Object.values(v));
  }
}

describe("import → build gives the same model", () => {
  const seenTags = new Set<string>();
  const seenFields = new Set<string>();

  it("in-process, over every field and tag the arbitraries produce", () => {
    fc.assert(
      fc.property(validFeature, (model) => {
        const source = featureSource("imported", model, "random.json", "DSL");
        expect(canonical(buildInProcess("imported", source))).toBe(expectedModel(model, "imported"));
        const json = FeatureC.encode(model) as Record<string, unknown>;
        for (const field of Object.keys(json)) seenFields.add(field);
        tagsIn(json, seenTags);
      }),
      { seed: SEED, numRuns: 250 },
    );
    // The property saw every top-level field and every tag, so none can lose its importer quietly.
    expect([...seenFields].sort()).toEqual([...FEATURE_FIELD_ORDER].sort());
    expect([...seenTags].sort()).toEqual([...Object.keys(classifierCodecs), ...Object.keys(attributeCodecs)].sort());
  });

  it("through a real gen: one project of imported features type-checks and generates each input's JSON", async () => {
    // Features lint would refuse (an unknown prerequisite, a shadowed bucket, a context key read as
    // two types) are valid models but not a clean project: the in-process property covers them.
    const models = fc
      .sample(validFeature, { seed: SEED, numRuns: 200 })
      .filter((model, i) => lintFeatures([{ key: `f${i}`, model }]).length === 0)
      .slice(0, 24);
    expect(models.length).toBe(24);
    const p = tempProject();
    try {
      models.forEach((model, i) => p.write(`f${i}.ts`, featureSource(`f${i}`, model, "random.json", "DSL")));
      await generate(p.options);
      models.forEach((model, i) => {
        expect(JSON.stringify(JSON.parse(readFileSync(join(p.out, `f${i}.json`), "utf8")))).toBe(expectedModel(model, `f${i}`));
      });
    } finally {
      p.dispose();
    }
  });
});
