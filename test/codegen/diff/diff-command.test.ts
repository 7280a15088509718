import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diffCommand } from "../../../codegen/diff/diff-command";
import { resolveGenOptions } from "../../../codegen/cli/options";
import { ROOT } from "../temp-project";

jest.setTimeout(120_000);

/*
 * `diff` on a temporary git repository: a committed feature, then the working tree moves its
 * threshold and adds a feature. Both sides load through the real loader (a worker each).
 */

const dsl = join(ROOT, "dsl").split("\\").join("/");
const rollout = (threshold: number) => `import { feature, c, ctx, lt, sessionRandom } from "${dsl}";

export const checkout = feature("checkout")
  .bucket("treatment", c.all(ctx.string("country").eq("FR"), lt(sessionRandom(), ${threshold})), "new")
  .default("old");
`;

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "of-diff-"));
  mkdirSync(join(repo, "features"));
  writeFileSync(join(repo, ".gitignore"), ".offline-features-tmp*/\n");
  writeFileSync(join(repo, "features", "checkout.ts"), rollout(0.1));
  git("init", "-q");
  git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "checkout at 10%");
  writeFileSync(join(repo, "features", "checkout.ts"), rollout(0.3));
  writeFileSync(join(repo, "features", "banner.ts"), `import { feature } from "${dsl}";\n\nexport const banner = feature("banner").default("hello");\n`);
  writeFileSync(join(repo, "contexts.jsonl"), ['{"country": "FR", "sessionRandom": 0.2}', '{"country": "FR", "sessionRandom": 0.5}', '{"country": "DE", "sessionRandom": 0.2}', ""].join("\n"));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const options = () => resolveGenOptions({ cwd: repo });

describe("offline-features diff", () => {
  it("names what changed and the exact traffic that moves, replaying real contexts; it leaves no scratch folder", async () => {
    const outcome = await diffCommand(options(), { rev: "HEAD", contexts: "contexts.jsonl" });
    expect(outcome).toMatchObject({ exitCode: 0, stderr: [] });
    expect(outcome.stdout).toEqual([
      "features at HEAD → working tree: 1 changed, 1 added, 0 removed",
      "+ banner: added",
      "~ checkout",
      '    bucket "treatment" rule: all(ctx.country == "FR", sessionRandom < 0.1) → all(ctx.country == "FR", sessionRandom < 0.3)',
      '    traffic when ctx.country == "FR":',
      '      "treatment" 10% → 30%',
      '      "default" 90% → 70%',
      '      20% moves "default" → "treatment"',
      "",
      "checkout: 1 of 3 replayed contexts change value",
      '    {"country":"FR","sessionRandom":0.2}: "default" "old" → "treatment" "new"',
    ]);
    expect(readdirSync(repo).filter((n) => n.startsWith(".offline-features-tmp"))).toEqual([]);
  });

  it("--json carries the same; --fail-on-change exits 1; --markdown is a PR comment", async () => {
    const json = await diffCommand(options(), { rev: "HEAD", json: true, failOnChange: true });
    expect(json.exitCode).toBe(1);
    const parsed = JSON.parse(json.stdout[0]!);
    expect(parsed).toMatchObject({ base: "HEAD", anyChange: true, added: ["banner"], removed: [] });
    expect(parsed.changed[0].traffic[0].moves).toEqual([{ from: "default", to: "treatment", share: expect.closeTo(0.2, 12) }]);
    const md = await diffCommand(options(), { rev: "HEAD", markdown: true });
    expect(md.stdout.slice(0, 4)).toEqual(["### Feature changes", "", "Features at `HEAD` → working tree: 1 changed, 1 added, 0 removed", ""]);
    expect(md.stdout).toContain("```diff");
  });

  it("an unknown revision is a usage error", async () => {
    expect(await diffCommand(options(), { rev: "no-such-rev" })).toMatchObject({ exitCode: 2, stderr: ['offline-features diff: unknown git revision "no-such-rev"'] });
  });
});
