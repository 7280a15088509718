import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/Either";
import { OfflineFeature, type EvaluationContext, type Reason } from "../../../runtime";

/*
 * Golden cases: every file in test/fixtures/cases/ is a JSON array of
 *   [name, featureJson, context, expectedBucket, expectedValue]
 *   [name, featureJson, context, expectedBucket, expectedValue, { "errors"?: [codes], "reason"?: reason }]
 * `errors` lists the error codes met, in order (none when absent). `reason` is derived unless given:
 * TARGETING_MATCH for a bucket, ERROR for "default" with errors, DEFAULT otherwise.
 * Every feature is loaded with the key "golden" (the default rollout salt) and may depend, through
 * `feature.in_bucket`, on the features of test/fixtures/case-dependencies.json. JSON cannot hold NaN or
 * Infinity, so a context value `{ "$special": "NaN" }` (or "Infinity", "-Infinity") stands for it.
 */

type Expectations = { readonly errors?: readonly string[]; readonly reason?: Reason };
type Case = [string, unknown, EvaluationContext, string, unknown, Expectations?];

/**
 * Set before any feature loads: `process.env` attributes read the environment at load time.
 * OFFLINE_FEATURES_GOLDEN_MISSING is left unset.
 */
Object.assign(process.env, { OFFLINE_FEATURES_GOLDEN: "golden-env", OFFLINE_FEATURES_GOLDEN_EMPTY: "" });
delete process.env.OFFLINE_FEATURES_GOLDEN_MISSING;

const fixtures = join(__dirname, "..", "..", "fixtures");
const folder = join(fixtures, "cases");
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();

/** The prerequisites cases may name, loaded as a store would load them: by key, resolved lazily. */
const dependencies = new Map<string, OfflineFeature>();
const resolve = (key: string) => dependencies.get(key);
for (const [key, json] of Object.entries(JSON.parse(readFileSync(join(fixtures, "case-dependencies.json"), "utf8")) as Record<string, unknown>)) {
  if (!key.startsWith("//")) dependencies.set(key, OfflineFeature.loads(JSON.stringify(json), { key, resolve }));
}

const SPECIAL: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };

function contextOf(json: EvaluationContext): EvaluationContext {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    const special = typeof value === "object" && value !== null ? (value as { $special?: string }).$special : undefined;
    out[key] = special !== undefined && special in SPECIAL ? SPECIAL[special] : value;
  }
  return out;
}

function load(json: unknown): OfflineFeature {
  const decoded = OfflineFeature.decode(json, { key: "golden", resolve });
  if (E.isLeft(decoded)) throw decoded.left;
  return decoded.right;
}

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(join(folder, file), "utf8")) as Case[];

  it("holds well-formed cases with unique names", () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c.length === 5 || c.length === 6).toBe(true);
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  });

  it.each(cases)("%s", (_name, json, contextJson, bucket, value, expectations = {}) => {
    const feature = load(json);
    const context = contextOf(contextJson);
    const details = feature.evaluate(context);
    const errors = expectations.errors ?? [];
    const reason = expectations.reason ?? (bucket !== "default" ? "TARGETING_MATCH" : errors.length > 0 ? "ERROR" : "DEFAULT");
    expect({ bucket: details.bucket, value: details.value, reason: details.reason, errors: details.errors.map((e) => e.code) }).toEqual({
      bucket,
      value,
      reason,
      errors,
    });
    // Each error names its bucket and the node of that bucket's classifier that failed, or, for a
    // feature-level check (node_versions), "default" and that field.
    for (const error of details.errors) {
      if (error.bucket === "default") expect(error.path).toBe("node_versions");
      else {
        expect(feature.model.buckets.map((b) => b.name)).toContain(error.bucket);
        expect(error.path).toMatch(/^buckets\[\d+\]\.classifier/);
      }
    }
    // The canonical JSON must read back to a feature that answers the same.
    expect(load(feature.dumps()).evaluate(context)).toEqual(details);
  });
});
