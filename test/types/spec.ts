/*
 * Type-level tests of spec files: a spec that no longer fits its feature does not compile.
 * Compiled by `tsc --noEmit` in `npm test`; nothing here runs.
 */
import { ctx, feature, lt, sessionRandom, spec } from "../../dsl";

export function specs(): void {
  const checkout = feature("checkout")
    .bucket("beta", ctx.boolean("beta").eq(true), "new")
    .bucket("rollout", lt(sessionRandom(), 0.2), "new")
    .default("old");

  spec(checkout, [
    { given: { beta: true }, bucket: "beta", value: "new" },
    { given: { beta: false, sessionRandom: 0.1 }, bucket: "rollout" },
    { given: { beta: false }, percentile: 90, bucket: "default", value: "old" },
  ]);
  // @ts-expect-error a bucket the feature does not have.
  spec(checkout, [{ given: { beta: true }, bucket: "gamma" }]);
  // @ts-expect-error a value outside the feature's value type.
  spec(checkout, [{ given: { beta: true }, value: "newest" }]);
  // @ts-expect-error a context key the feature does not read.
  spec(checkout, [{ given: { beta: true, plan: "pro" }, bucket: "beta" }]);
  // @ts-expect-error a context key of the wrong type.
  spec(checkout, [{ given: { beta: "yes" }, bucket: "beta" }]);
  // @ts-expect-error the context keys the feature reads are required.
  spec(checkout, [{ given: {}, bucket: "beta" }]);
}
