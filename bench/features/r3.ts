import { ctx, feature, lt, unitRandom } from "../../dsl";

/** R3, a 10/90 split sticky on userId (bench/cases.ts); the salt is the key, "r3". */
export const r3 = feature("r3")
  .description("R3: 10% of users by userId")
  .bucket("treatment", lt(unitRandom(ctx.string("userId")), 0.1), "treatment")
  .default("control");
