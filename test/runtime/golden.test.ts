import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfflineFeature, type EvaluationContext } from "../../runtime";

/**
 * Golden cases are data: every file in test/fixtures/cases/ is an array of
 * `[name, feature JSON, context, expected]`, where expected is
 * `{ bucket, value, reason, errors: [error codes] }`.
 */
type Expected = { bucket: string; value: unknown; reason: string; errors: string[] };
type Case = [string, unknown, EvaluationContext, Expected];

const folder = join(__dirname, "..", "fixtures", "cases");
const files = readdirSync(folder).filter((f) => f.endsWith(".json"));

describe.each(files)("golden cases in %s", (file) => {
  const cases = JSON.parse(readFileSync(join(folder, file), "utf8")) as Case[];
  it.each(cases)("%s", (_name, json, context, expected) => {
    const feature = OfflineFeature.loads(JSON.stringify(json), { key: "golden" });
    const details = feature.evaluate(context);
    expect({ ...details, errors: details.errors.map((e) => e.code) }).toEqual(expected);
    // Each error says which bucket and which node of its classifier failed.
    for (const error of details.errors) {
      expect(feature.model.buckets.map((b) => b.name)).toContain(error.bucket);
      expect(error.path).toMatch(/^buckets\[\d+\]\.classifier/);
    }
  });
});
