import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { c, ctx, feature, sessionRandom, unitRandom } from "../../../dsl";

/*
 * Sticky rollouts must give a unit the same bucket in every process. Two child Node processes
 * load the feature's JSON and evaluate the same units; their answers must equal this process's.
 */

const rollout = feature("sticky_checkout")
  .bucket("treatment", unitRandom(ctx.string("userId")).lt(0.2), "treatment")
  .bucket("control", c.all(unitRandom(ctx.string("userId")).lt(0.4), sessionRandom("sticky").lt(0.5)), "control")
  .default("off");

const contexts = Array.from({ length: 2_000 }, (_, i) => ({ userId: `user-${i}`, sessionId: `session-${i % 97}` }));

function bucketsInChild(): string[] {
  const child = spawnSync(process.execPath, ["-r", join(__dirname, "..", "..", "ts-register.js"), join(__dirname, "sticky-child.ts")], {
    input: JSON.stringify({ feature: rollout.dumps(), key: "sticky_checkout", contexts }),
    encoding: "utf8",
    cwd: join(__dirname, "..", "..", ".."),
  });
  if (child.status !== 0) throw new Error(`child process failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
}

describe("stickiness across processes", () => {
  const here = contexts.map((context) => rollout.evaluate(context).bucket);

  it("puts each unit in a spread of buckets (the comparison below is not vacuous)", () => {
    expect(new Set(here)).toEqual(new Set(["treatment", "control", "default"]));
  });

  it("gives every unit the same bucket in two other processes", () => {
    const first = bucketsInChild();
    const second = bucketsInChild();
    expect(first).toEqual(here);
    expect(second).toEqual(here);
  });
});
