import { main } from "../../../codegen/cli";
import { flag, tempProject, type TempProject } from "../temp-project";

jest.setTimeout(120_000);

/*
 * `eval` and `test` through the real commander program in process, on one temporary project: the
 * exit codes (0 done, 1 a failed lookup or case, 2 a usage error) and the streams they use.
 */

let p: TempProject;
beforeAll(() => {
  p = tempProject();
  p.write("beta.ts", flag("beta", 0.25));
  p.write(
    "beta.spec.ts",
    `import { spec } from "DSL";
import { beta } from "./beta";

export default spec(beta, [
  { given: { sessionRandom: 0.1 }, bucket: "on", value: true },
  { given: {}, percentile: 80, value: false },
]);
`,
  );
});
afterAll(() => p.dispose());

async function run(args: string[]): Promise<{ code: number | "watching"; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = process.cwd();
  process.chdir(p.dir);
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), stdout: { isTTY: false } as NodeJS.WriteStream });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.chdir(cwd);
  }
}

describe("eval and test on the command line", () => {
  it("eval --explain prints the answer and the trace; an unknown key exits 1 with a did-you-mean", async () => {
    const ok = await run(["eval", "beta", "--ctx", '{"sessionRandom": 0.1}', "--explain"]);
    expect(ok).toMatchObject({ code: 0, err: "" });
    expect(ok.out.split("\n")).toEqual(['beta → "on" = true (TARGETING_MATCH)', "", '✓ bucket "on" → true  (matched)', "  ✓ sessionRandom < 0.25   [sessionRandom = 0.1]   ← decided"]);
    const unknown = await run(["eval", "bta"]);
    expect(unknown).toMatchObject({ code: 1, out: "", err: 'offline-features eval: no feature "bta"; did you mean "beta"?' });
  });

  it("eval with invalid --ctx JSON is a usage error on stderr", async () => {
    expect(await run(["eval", "beta", "--ctx", "{"])).toMatchObject({ code: 2, out: "" });
  });

  it("test runs the spec files; a bad --coverage-min is a usage error", async () => {
    const passed = await run(["test"]);
    expect(passed.code).toBe(0);
    expect(passed.out).toContain("2 passed, 0 failed");
    expect(passed.out).toContain("  beta: 100%");
    expect((await run(["test", "--coverage-min", "200"])).code).toBe(2);
  });
});
