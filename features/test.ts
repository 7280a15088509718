import { feature, c, lt, eq, regex, sessionRandom, hostname, staticNumber } from "../dsl";

/** The seed example from PyOF's README: holdout and control on `len*` hosts. */
export const test = feature("test")
  .description("Holdout and control on len* hosts")
  .bucket("holdout", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len.+")), true)
  .bucket("control", c.all(lt(sessionRandom(), 0.9), regex(hostname(), "^len.+")), 42)
  .bucket("", c.all(eq(staticNumber(3), 0.9)))
  .default(false);
