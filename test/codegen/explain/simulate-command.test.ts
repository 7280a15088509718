import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeBundle, OfflineFeature } from "../../../runtime";
import { simulateCommand } from "../../../codegen/explain/simulate-command";
import { resolveGenOptions } from "../../../codegen/cli/options";
import seed from "../../fixtures/pyof/test.json";

/*
 * `simulate` on a bundle file: seeded, so the sampled shares are the same on every run, and the
 * exact shares beside them come from the analysis of the scenario the context selects.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "of-simulate-"));
  writeFileSync(join(dir, "features.json"), JSON.stringify(encodeBundle({ test: OfflineFeature.loads(JSON.stringify(seed)).model })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (request: Omit<Parameters<typeof simulateCommand>[1], "source">) => simulateCommand(resolveGenOptions({ cwd: dir }), { ...request, source: "features.json" });

describe("offline-features simulate", () => {
  it("draws the sampled shares as bars beside the exact ones, one group per --vary value", async () => {
    const outcome = await run({ feature: "test", n: 4000, vary: "hostname=lenovo-1,dell-1" });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout[0]).toBe("simulate test: 4000 samples per group (seed 1)");
    const lenovo = outcome.stdout.slice(2, 7);
    expect(lenovo[0]).toBe('hostname = "lenovo-1":');
    expect(lenovo[1]).toMatch(/^ {2}"holdout" {2}#{2,4}\.+ +\d+(\.\d+)?% {3}exact 10%$/);
    expect(lenovo[2]).toMatch(/exact 10%$/);
    expect(outcome.stdout).toContain('  "default"  ##############################     100%   exact 100%');
  });

  it("--json gives counts, sampled and exact shares; the same seed gives the same sample", async () => {
    const a = JSON.parse((await run({ feature: "test", n: 5000, ctx: '{"hostname": "lenovo-1"}', json: true })).stdout[0]!);
    const b = JSON.parse((await run({ feature: "test", n: 5000, ctx: '{"hostname": "lenovo-1"}', json: true })).stdout[0]!);
    expect(a).toEqual(b);
    const [group] = a.groups;
    expect(group.exact).toEqual({ holdout: 0.1, control: expect.closeTo(0.1, 12), "": 0, default: expect.closeTo(0.8, 12) });
    expect(Object.values(group.counts as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(5000);
    // 5,000 samples: each sampled share within 3 points of the exact one.
    for (const bucket of ["holdout", "control", "default"]) expect(Math.abs(group.sampled[bucket] - group.exact[bucket])).toBeLessThan(0.03);
  });

  it("usage errors: --ctx with --contexts, a malformed --vary", async () => {
    expect((await run({ feature: "test", ctx: "{}", contexts: "x.jsonl" })).exitCode).toBe(2);
    expect((await run({ feature: "test", vary: "hostname" })).stderr).toEqual(['offline-features simulate: --vary takes attr=v1,v2, found "hostname"']);
  });
});
