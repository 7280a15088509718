import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/Either";
import { generate } from "../../../codegen/generate";
import { featureSource } from "../../../codegen/import/pyof";
import { lintFeatures } from "../../../codegen/pipeline/lint";
import { decodeFeature, FeatureC, type FeatureModel } from "../../../runtime";
import { attributeCodecs } from "../../../runtime/model/attribute";
import { classifierCodecs } from "../../../runtime/model/classifier";
import { FEATURE_FIELD_ORDER } from "../../../runtime/model/feature-fields";
import { featureDocument } from "../../runtime/model-arbitraries";
import { fuzzOptions } from "../../support/fuzz";
import { tempProject } from "../temp-project";
import { buildInProcess, canonical, expectedModel, tagsIn } from "./imported-source";

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

/** The valid features among the arbitrary documents, decoded. */
const validFeature: fc.Arbitrary<FeatureModel> = featureDocument
  .map((doc) => decodeFeature(doc))
  .filter(E.isRight)
  .map((decoded) => decoded.right);

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
      fuzzOptions(250, SEED),
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
      .slice(0, 12);
    expect(models.length).toBe(12);
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
