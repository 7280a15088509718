import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

it("an application runs the generated getters under ts-node (generated/test.ts beside test.json)", () => {
  // Node resolves "./test" to test.json before test.ts unless ts-node prefers .ts, which the
  // project's tsconfig asks for; this is what a user's `npx ts-node app.ts` goes through.
  const run = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "test", "fixtures", "app.ts")], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({
    value: false,
    details: { value: 42, bucket: "control", reason: "TARGETING_MATCH", errors: [] },
    welcome: { color: "blue", text: "Bienvenue" },
  });
});
