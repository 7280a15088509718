import { c, feature, hostname, lt, regex, sessionRandom } from "../../dsl";

/** R1, PyOF's seed rule (bench/cases.ts): values are the bucket names, so every evaluator answers a string. */
export const r1 = feature("r1")
  .description("R1: PyOF's seed rule")
  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), "holdout")
  .bucket("control", c.all(lt(sessionRandom(), 0.9), regex(hostname(), "^len.+")), "control")
  .default("default");
