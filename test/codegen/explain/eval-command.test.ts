import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeBundle, OfflineFeature, type FeatureModel } from "../../../runtime";
import { evalCommand, type EvalRequest } from "../../../codegen/explain/eval-command";
import { resolveGenOptions } from "../../../codegen/cli/options";
import seed from "../../fixtures/pyof/test.json";
import cases from "../../fixtures/cli/eval.json";

/*
 * Golden output of `eval`, human and --json, on a bundle file (what --source reads; the project
 * path shares everything after loading, and test/codegen/cli tests it end to end).
 */

const welcome: FeatureModel = {
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [
    {
      name: "adult_fr",
      classifier: {
        __type: "bool.all",
        value: [
          { __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: "FR" },
          { __type: "comparison.gte", attribute: { __type: "context.number", name: "age" }, value: 18 },
        ],
      },
      value: "Bienvenue",
    },
  ],
  default: "Welcome",
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "of-eval-"));
  writeFileSync(join(dir, "features.json"), JSON.stringify(encodeBundle({ test: OfflineFeature.loads(JSON.stringify(seed)).model, welcome })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("offline-features eval (golden)", () => {
  it.each(cases as { name: string; request: EvalRequest; exitCode: number; stdout: string[]; stderr: string[] }[])("$name", async ({ request, exitCode, stdout, stderr }) => {
    const outcome = await evalCommand(resolveGenOptions({ cwd: dir }), { ...request, source: "features.json" });
    expect({ exitCode: outcome.exitCode, stdout: outcome.stdout.join("\n").split("\n"), stderr: outcome.stderr }).toEqual({ exitCode, stdout, stderr });
  });
});
