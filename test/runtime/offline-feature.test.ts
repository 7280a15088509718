import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OfflineFeature } from "../../runtime";
import { test as seed } from "../fixtures/sample/features/test";

const json = (buckets: unknown[], fallback: unknown = false) => JSON.stringify({ type: "offline-feature", buckets, default: fallback });
const lt = (attribute: unknown, value: unknown) => ({ __type: "comparison.lt", attribute, value });

describe("OfflineFeature, PyOF's seed API", () => {
  it("getBucketName, getValueForBucket and getBucketAndValue agree with evaluate", () => {
    const ctx = { hostname: "lenovo-7", sessionRandom: 0.5 };
    expect(seed.getBucketName(ctx)).toBe("control");
    expect(seed.getValueForBucket("control")).toBe(42);
    expect(seed.getValueForBucket("default")).toBe(false);
    expect(seed.getBucketAndValue(ctx)).toEqual(["control", 42]);
    expect(seed.getValue(ctx)).toBe(42);
    expect(seed.evaluate(ctx)).toEqual({ value: 42, bucket: "control", reason: "TARGETING_MATCH", errors: [] });
  });

  it("getValueForBucket gives the default for a name that is not a bucket, instead of throwing", () => {
    const loose = OfflineFeature.loads(json([]), { key: "x" });
    expect(loose.getValueForBucket("nope")).toBe(false);
  });

  it("reports each error with its bucket, JSON path and a message", () => {
    const f = OfflineFeature.loads(json([{ name: "a", classifier: { __type: "bool.all", value: [lt({ __type: "context.number", name: "age" }, 3)] }, value: 1 }]));
    const details = f.evaluate({ age: "2" });
    expect(details.reason).toBe("ERROR");
    expect(details.errors).toHaveLength(1);
    expect({ ...details.errors[0] }).toEqual({
      code: "TYPE_MISMATCH",
      bucket: "a",
      path: "buckets[0].classifier.value[0].attribute",
      message: 'context attribute "age" must be a finite number, found a string ("2")',
    });
    expect(String(details.errors[0])).toBe('buckets[0].classifier.value[0].attribute: context attribute "age" must be a finite number, found a string ("2")');
  });

  it("refuses NaN and infinities from the context rather than comparing them", () => {
    const f = OfflineFeature.loads(json([{ name: "a", classifier: lt({ __type: "context.number", name: "n" }, 3), value: 1 }]));
    expect(f.evaluate({ n: Number.NaN }).errors[0]!.code).toBe("TYPE_MISMATCH");
    expect(f.evaluate({ n: -Infinity }).errors[0]!.code).toBe("TYPE_MISMATCH");
    expect(f.evaluate({ n: 2 }).bucket).toBe("a");
  });

  it("never throws, even for a context whose getters throw", () => {
    const f = OfflineFeature.loads(json([{ name: "a", classifier: lt({ __type: "context.number", name: "n" }, 3), value: 1 }]));
    const hostile = Object.defineProperty({}, "n", {
      get() {
        throw new Error("boom");
      },
    });
    const details = f.evaluate(hostile);
    expect(details).toMatchObject({ bucket: "default", value: false, reason: "ERROR" });
    expect(details.errors[0]!.message).toMatch(/boom/);
  });

  it("the same sessionId gives the same bucket in every instance; different ids spread", () => {
    const a = OfflineFeature.loads(json([{ name: "low", classifier: lt({ __type: "random.session" }, 0.5), value: 1 }]));
    const b = OfflineFeature.loads(a.dumps());
    const ids = Array.from({ length: 200 }, (_, i) => `session-${i}`);
    expect(ids.map((sessionId) => a.getBucketName({ sessionId }))).toEqual(ids.map((sessionId) => b.getBucketName({ sessionId })));
    const low = ids.filter((sessionId) => a.getBucketName({ sessionId }) === "low").length;
    expect(low).toBeGreaterThan(60);
    expect(low).toBeLessThan(140);
  });

  it("without overrides, the process's session random is one number for every feature", () => {
    const at = (threshold: number) =>
      OfflineFeature.loads(json([{ name: "in", classifier: lt({ __type: "random.session" }, threshold), value: true }])).getValue();
    const thresholds = Array.from({ length: 21 }, (_, i) => i / 20);
    const answers = thresholds.map(at);
    // Monotone in the threshold: below some cut every answer is false, above it true.
    expect(answers).toEqual([...answers].sort((x, y) => Number(x) - Number(y)));
    expect(answers[0]).toBe(false);
    expect(at(1.0000001)).toBe(true);
  });

  it("memoizes process-constant features but still honours per-call overrides", () => {
    const f = OfflineFeature.loads(json([{ name: "len", classifier: { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len" }, value: 1 }], 0));
    const first = f.evaluate();
    expect(f.evaluate()).toBe(first); // same frozen record: computed once
    expect(f.evaluate({ hostname: "lenovo" }).bucket).toBe("len");
    expect(f.evaluate({ hostname: "thinkpad" }).bucket).toBe("default");
  });

  it("returns the same frozen details record for error-free evaluations (no allocation)", () => {
    const f = OfflineFeature.loads(json([{ name: "a", classifier: lt({ __type: "context.number", name: "n" }, 3), value: 1 }]));
    const one = f.evaluate({ n: 1 });
    expect(f.evaluate({ n: 2 })).toBe(one);
    expect(Object.isFrozen(one)).toBe(true);
  });
});

describe("writeToDisk", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "of-write-"));

  it("creates parent folders, writes canonical JSON with a final newline, and says it wrote", () => {
    const path = join(folder(), "a", "b", "test.json");
    expect(seed.writeToDisk(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe(`${seed.dumps()}\n`);
  });

  it("writes nothing when the content is unchanged: same mtime, returns false", () => {
    const path = join(folder(), "test.json");
    seed.writeToDisk(path);
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(path, past, past);
    expect(seed.writeToDisk(path)).toBe(false);
    expect(statSync(path).mtime.getTime()).toBe(past.getTime());
    expect(seed.writeToDisk(path, false)).toBe(true);
    expect(statSync(path).mtime.getTime()).not.toBe(past.getTime());
  });

  it("replaces by rename, leaving no temporary file behind", () => {
    const dir = folder();
    const path = join(dir, "test.json");
    OfflineFeature.loads(json([])).writeToDisk(path);
    seed.writeToDisk(path);
    expect(readdirSync(dir)).toEqual(["test.json"]);
    expect(OfflineFeature.loads(readFileSync(path, "utf8")).dumps()).toBe(seed.dumps());
  });
});
