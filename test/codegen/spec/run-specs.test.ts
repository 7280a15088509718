import { join } from "node:path";
import { runSpecs } from "../../../codegen/spec/run-specs";
import { resolveGenOptions } from "../../../codegen/cli/options";
import { feature, ctx, lt, unitRandom, sessionRandom, c, spec } from "../../../dsl";

/*
 * Spec cases run in-process here (`offline-features test` runs the same function in its worker):
 * how a case pins the random attributes, by value or by percentile.
 */

const rollout = feature("rollout_pinning")
  .bucket("users", lt(unitRandom(ctx.string("userId")), 0.1), "unit")
  .bucket("sessions", c.all(ctx.string("country").eq("FR"), lt(sessionRandom(), 0.2)), "session")
  .default("off");

const options = resolveGenOptions({ cwd: __dirname, features: __dirname, cacheDir: false });
const run = (cases: Parameters<typeof spec<"off" | "unit" | "session", "users" | "sessions", { readonly userId: string; readonly country: string }>>[1]) =>
  runSpecs(options, [join(__dirname, "rollout.spec.ts")], () => ({ default: spec(rollout, cases) })).cases.map((r) => ({ name: r.name, passed: r.passed, bucket: r.actual.bucket }));

describe("spec cases pin random attributes", () => {
  it("pins a unit rollout by value: given.unitRandom replaces the hash of the unit", () => {
    expect(
      run([
        { name: "first 5%", given: { userId: "anyone", country: "DE", unitRandom: 0.05 }, bucket: "users" },
        { name: "last 50%", given: { userId: "anyone", country: "DE", unitRandom: 0.5 }, bucket: "default" },
      ]),
    ).toEqual([
      { name: "first 5%", passed: true, bucket: "users" },
      { name: "last 50%", passed: true, bucket: "default" },
    ]);
  });

  it("pins both random attributes by percentile", () => {
    expect(
      run([
        { name: "p5", given: { userId: "anyone", country: "FR" }, percentile: 5, bucket: "users" },
        { name: "p15", given: { userId: "anyone", country: "FR" }, percentile: 15, bucket: "sessions" },
        { name: "p50", given: { userId: "anyone", country: "FR" }, percentile: 50, bucket: "default" },
      ]),
    ).toEqual([
      { name: "p5", passed: true, bucket: "users" },
      { name: "p15", passed: true, bucket: "sessions" },
      { name: "p50", passed: true, bucket: "default" },
    ]);
  });

  it("lets a number given explicitly win over the percentile", () => {
    expect(run([{ name: "unit pinned high", given: { userId: "anyone", country: "FR", unitRandom: 0.9 }, percentile: 5, bucket: "sessions" }])).toEqual([
      { name: "unit pinned high", passed: true, bucket: "sessions" },
    ]);
  });

  it("reports a case that expects the wrong bucket as failed", () => {
    expect(run([{ name: "wrong", given: { userId: "anyone", country: "DE" }, percentile: 50, bucket: "users" }])).toEqual([{ name: "wrong", passed: false, bucket: "default" }]);
  });
});
