import { c, ctx, eq, feature, ge, oneOf } from "../../dsl";

/** R2, a context rule (bench/cases.ts). */
export const r2 = feature("r2")
  .description("R2: country in [US, CA, GB] and plan == pro and appVersion >= 2.3.0")
  .bucket("match", c.all(oneOf(ctx.string("country"), ["US", "CA", "GB"]), eq(ctx.string("plan"), "pro"), ge(ctx.version("appVersion"), "2.3.0")), "match")
  .default("default");
