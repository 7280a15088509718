import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/Either";
import fc from "fast-check";
import { decodeFeature } from "../../../runtime";
import { attributeCodecs } from "../../../runtime/model/attribute";
import { classifierCodecs } from "../../../runtime/model/classifier";
import { attributeSchemas, classifierSchemas, featureJsonSchema } from "../../../runtime/schema";
import { parseInstant } from "../../../runtime/time";
import { after, c, ctx, env, feature, inBucket, nodeVersion, now, platform, sessionRandom, unitRandom } from "../../../dsl";
import { test as seed } from "../../fixtures/sample/features/test";
import { semVerArbitrary, formatSemVer } from "../semver/arbitraries";
import { featureDocument } from "../model-arbitraries";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { fuzzOptions } from "../../support/fuzz";

/*
 * The schema is checked with ajv (draft 2020-12), the validator editors and CI tools use, in strict
 * mode (an unknown keyword is an error, so the schema cannot lean on a keyword no validator
 * checks) and with its formats (`date-time`) checked, as editors do. Two strict checks are relaxed:
 * `strictRequired` flags `not: { required: ["values"] }`, which names a property the subschema
 * does not define on purpose (it is how the current form refuses the earlier form's map); and
 * `type: [...]` unions (a scalar is string, number, boolean or null) are allowed.
 */
const schema = featureJsonSchema();
const newAjv = () => addFormats(new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }));
const validate = newAjv().compile(schema);
const fixtures = join(__dirname, "..", "..", "fixtures");
/** The problems ajv found, each as `path: what`; empty when `doc` is valid. */
const accepts = (doc: unknown): string[] => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath}: ${e.message ?? e.keyword}`));

/** Every feature document the fixtures hold: golden cases, their dependencies, PyOF's files. */
function fixtureDocuments(): [string, unknown][] {
  const docs: [string, unknown][] = [];
  for (const file of readdirSync(join(fixtures, "cases")).sort()) {
    const cases = JSON.parse(readFileSync(join(fixtures, "cases", file), "utf8")) as [string, unknown][];
    for (const [name, doc] of cases) docs.push([`${file}: ${name}`, doc]);
  }
  const deps = JSON.parse(readFileSync(join(fixtures, "case-dependencies.json"), "utf8")) as Record<string, unknown>;
  for (const [key, doc] of Object.entries(deps)) if (!key.startsWith("//")) docs.push([`case-dependencies: ${key}`, doc]);
  const pyof = join(fixtures, "pyof");
  if (existsSync(pyof)) for (const file of readdirSync(pyof).filter((f) => f.endsWith(".json"))) docs.push([`pyof/${file}`, JSON.parse(readFileSync(join(pyof, file), "utf8"))]);
  return docs;
}

/** The seed feature in PyOF's earlier form: buckets without values, and a values map. */
function earlierForm(doc: Record<string, unknown>): Record<string, unknown> {
  const buckets = doc.buckets as { name: string; classifier: unknown; value: unknown }[];
  return { ...doc, buckets: buckets.map(({ name, classifier }) => ({ name, classifier })), values: Object.fromEntries(buckets.map((b) => [b.name, b.value])) };
}

const upstream = feature("checkout").bucket("treatment", unitRandom(ctx.string("userId")).lt(0.5), true).default(false);
/** A DSL feature that uses every new node at least once. */
const everything = feature("everything")
  .nodeVersions("^20.10 || >=22")
  .bucket("a", c.all(ctx.string("country").oneOf(["FR", "DE"]), ctx.number("n").noneOf([1, 2]), ctx.string("email").startsWith("a")), 1)
  .bucket("b", c.any(ctx.string("email").endsWith(".org"), ctx.string("email").contains("@"), env("HOME").eq("/root"), platform().eq("linux")), 2)
  .bucket("c", c.all(ctx.version("appVersion").ge("2.1.0"), nodeVersion().lt("30.0.0-rc.1"), ctx.version("appVersion").eq("2.2.0")), 3)
  .bucket("d", c.all(after("2026-12-01T00:00:00Z"), ctx.timestamp("signedUpAt").before("2026-01-01T00:00:00+01:00"), now().gt(0)), 4)
  .bucket("e", c.all(unitRandom(ctx.string("userId"), "s").lt(0.1), sessionRandom("promo").lt(0.5), inBucket(upstream, "treatment", "default")), 5)
  .default(0);

describe("featureJsonSchema", () => {
  it("has a schema for exactly the tags the codecs know", () => {
    expect(Object.keys(classifierSchemas).sort()).toEqual(Object.keys(classifierCodecs).sort());
    expect(Object.keys(attributeSchemas).sort()).toEqual(Object.keys(attributeCodecs).sort());
    const defs = Object.keys(schema.$defs as object);
    for (const tag of Object.keys(classifierCodecs)) expect(defs).toContain(`classifier.${tag}`);
    for (const tag of Object.keys(attributeCodecs)) expect(defs).toContain(`attribute.${tag}`);
  });

  it("is draft 2020-12, with every $ref resolvable", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(schema.$defs).toHaveProperty([r.slice('"$ref":"#/$defs/'.length, -1)]);
  });

  it("is a pure function of the vocabulary: plain JSON, the same on every call", () => {
    expect(JSON.parse(JSON.stringify(featureJsonSchema()))).toEqual(schema);
  });

  it.each(fixtureDocuments())("accepts %s", (_name, doc) => {
    expect(accepts(doc)).toEqual([]);
  });

  it("accepts the seed feature in both of PyOF's forms, and a feature using every new node", () => {
    const current = seed.toJSON() as Record<string, unknown>;
    expect(accepts(current)).toEqual([]);
    expect(E.isRight(decodeFeature(earlierForm(current)))).toBe(true);
    expect(accepts(earlierForm(current))).toEqual([]);
    expect(accepts(everything.toJSON())).toEqual([]);
  });

  const refused: [string, unknown][] = [
    ["an unknown classifier tag", { __type: "comparison.lte2", attribute: { __type: "time.now" }, value: 1 }],
    ["a missing attribute", { __type: "comparison.lt", value: 1 }],
    ["a comparison against an object", { __type: "comparison.eq", attribute: { __type: "time.now" }, value: { a: 1 } }],
    ["a semver operator over a string attribute", { __type: "semver.gte", attribute: { __type: "context.string", name: "v" }, value: "1.0.0" }],
    ["a partial version literal", { __type: "semver.gte", attribute: { __type: "context.version", name: "v" }, value: "2.1" }],
    ["a zone-less instant", { __type: "time.after", attribute: { __type: "time.now" }, value: "2026-12-01T00:00:00" }],
    ["a time operator over a number attribute", { __type: "time.after", attribute: { __type: "context.number", name: "t" }, value: "2026-12-01T00:00:00Z" }],
    ["an empty bucket list for a prerequisite", { __type: "feature.in_bucket", feature: "x", value: [] }],
    ["a prerequisite key that is not a feature key", { __type: "feature.in_bucket", feature: "a-", value: ["on"] }],
    ["an empty salt", { __type: "comparison.lt", attribute: { __type: "random.unit", attribute: { __type: "context.string", name: "u" }, salt: "" }, value: 1 }],
    ["an invalid context name", { __type: "str.contains", attribute: { __type: "context.string", name: "1x" }, value: "a" }],
  ];
  it.each(refused)("refuses %s, as the codec does", (_name, classifier) => {
    const doc = { type: "offline-feature", buckets: [{ name: "b", classifier, value: 1 }], default: 0 };
    expect(E.isLeft(decodeFeature(doc))).toBe(true);
    expect(accepts(doc)).not.toEqual([]);
  });

  it("refuses mixing PyOF's two forms, as the codec does", () => {
    const doc = { type: "offline-feature", buckets: [{ name: "b", classifier: { __type: "bool.all", value: [] }, value: 1 }], values: { b: 2 } };
    expect(E.isLeft(decodeFeature(doc))).toBe(true);
    expect(accepts(doc)).not.toEqual([]);
  });

  it("accepts every document the codec accepts (random documents over the whole vocabulary)", () => {
    let decoded = 0;
    const tags = new Set<string>();
    const options = fuzzOptions(2_000);
    fc.assert(
      fc.property(featureDocument, (doc) => {
        if (E.isLeft(decodeFeature(doc))) return;
        decoded++;
        for (const m of JSON.stringify(doc).matchAll(/"__type":"([^"]+)"/g)) tags.add(m[1]!);
        expect(accepts(doc)).toEqual([]);
      }),
      options,
    );
    // The property is not vacuous: many random documents are valid (one in six or so), and they use
    // every tag (fewer than 2,000 runs miss some: the arbitraries reach the deep tags rarely).
    expect(decoded).toBeGreaterThan(options.numRuns / 8);
    expect([...tags].sort()).toEqual([...Object.keys(classifierCodecs), ...Object.keys(attributeCodecs)].sort());
  });

  it("accepts every version the codec accepts", () => {
    const versionPattern = new RegExp((schema.$defs as Record<string, { pattern: string }>).version.pattern, "u");
    fc.assert(
      fc.property(semVerArbitrary, fc.boolean(), (v, prefixed) => {
        const text = `${prefixed ? "v" : ""}${formatSemVer(v)}`;
        if (text.length <= 256) expect(versionPattern.test(text)).toBe(true);
      }),
      { seed: 42 },
    );
  });

  it("accepts every instant the codec accepts", () => {
    const instantPattern = new RegExp((schema.$defs as Record<string, { pattern: string }>).instant.pattern, "u");
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), fc.constantFrom("Z", "+02:00", "-11:30"), (ms, zone) => {
        const text = new Date(ms).toISOString().replace("Z", zone);
        expect(parseInstant(text)).toBeDefined();
        expect(instantPattern.test(text)).toBe(true);
      }),
      { seed: 42 },
    );
  });
});

describe("the validator (ajv, strict)", () => {
  it("refuses a keyword it does not know, so the schema cannot use one unchecked", () => {
    expect(() => newAjv().compile({ minimumm: 1 })).toThrow(/unknown keyword: "minimumm"/);
  });

  it("counts oneOf matches", () => {
    const v = newAjv().compile({ oneOf: [{ type: "number" }, { type: ["number", "string"] }] });
    expect(v("a")).toBe(true);
    expect(v(1)).toBe(false);
    expect(v.errors).toEqual([expect.objectContaining({ instancePath: "", keyword: "oneOf", params: { passingSchemas: [0, 1] } })]);
  });

  it("checks the date-time format the instant fragment declares", () => {
    const v = newAjv().compile({ type: "string", format: "date-time" });
    expect(v("2026-12-01T00:00:00Z")).toBe(true);
    expect(v("2026-13-01T00:00:00Z")).toBe(false);
  });
});
