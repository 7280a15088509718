import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OfflineFeature } from "../../runtime";
import decisionsJson from "../fixtures/pyof-decisions.json";

type Decision = [hostname: string, sessionRandom: number, byFile: Record<string, [bucket: string, value: unknown]>];
const decisions = decisionsJson as unknown as Decision[];

// The table in PyOF's own README for its two sample files (copied to test/fixtures/pyof/).
const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "pyof", name), "utf8");
const files = ["test.json", "test-values-map.json"] as const;
const rows = decisions.flatMap(([hostname, sessionRandom, byFile]) =>
  files.map((file) => [file, hostname, sessionRandom, byFile[file]!] as const),
);

describe("PyOF's sample files decide as PyOF does", () => {
  it.each(rows)("%s on %s with session random %d", (file, hostname, sessionRandom, [bucket, value]) => {
    const feature = OfflineFeature.loads(fixture(file));
    expect(feature.getBucketAndValue({ hostname, sessionRandom })).toEqual([bucket, value]);
  });

  it("reads both forms into the same buckets, with the values map filled in", () => {
    const current = OfflineFeature.loads(fixture("test.json"));
    const earlier = OfflineFeature.loads(fixture("test-values-map.json"));
    expect(current.model.buckets.map((b) => b.name)).toEqual(["holdout", "control", ""]);
    expect(earlier.model.buckets.map((b) => [b.name, b.value])).toEqual([
      ["holdout", true],
      ["control", 42],
      ["", false], // missing from the map: the default
    ]);
  });

  it("writes the earlier form back in the current form, a value on every bucket", () => {
    const json = JSON.parse(OfflineFeature.loads(fixture("test-values-map.json")).dumps());
    expect(json.values).toBeUndefined();
    expect(json.buckets.every((b: { value?: unknown }) => "value" in b)).toBe(true);
    expect(Object.keys(json)).toEqual(["type", "python_versions", "buckets", "default"]);
  });

  it("re-encodes PyOF's current form to the same JSON, numbers aside", () => {
    const input = JSON.parse(fixture("test.json"));
    expect(JSON.parse(OfflineFeature.loads(fixture("test.json")).dumps())).toEqual(input);
  });
});
