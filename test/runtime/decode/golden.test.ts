import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/Either";
import { OfflineFeature } from "../../../runtime";

/*
 * Decode-error golden cases: every file in test/fixtures/decode-cases/ is a JSON array of
 *   [name, featureJson, [[path, messageFragment], ...]]
 * The document must be refused with exactly those issues, in order: the same JSON paths, each
 * message containing its fragment. Features are decoded with the key "golden".
 */

type Case = [string, unknown, [string, string][]];

const folder = join(__dirname, "..", "..", "fixtures", "decode-cases");
const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(join(folder, file), "utf8")) as Case[];

  it("holds well-formed cases with unique names", () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c.length === 3 && c[2].length > 0).toBe(true);
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  });

  it.each(cases)("%s", (_name, json, expected) => {
    const decoded = OfflineFeature.decode(json, { key: "golden" });
    if (E.isRight(decoded)) throw new Error("expected a decode error, but the document was accepted");
    const issues = decoded.left.issues;
    expect(issues.map((i) => i.path)).toEqual(expected.map(([path]) => path));
    issues.forEach((issue, i) => expect(issue.message).toContain(expected[i]![1]));
  });
});
