import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import * as E from "fp-ts/Either";
import type { FeatureModel } from "../../runtime/model/feature";
import type { EvaluationContext } from "../../runtime/evaluate/context";
import type { GenOptions } from "../cli/options";
import { listFeatureFiles } from "../pipeline/feature-files";
import { loadFeaturesInWorker } from "../pipeline/load/in-worker";
import { featuresOf, type CommandOutcome } from "../explain/eval-command";
import { shortJson } from "../output/emit/header";
import { compareFeatures, diffLines, type FeaturesDiff } from "./compare";

/** What `diff` was asked. */
export interface DiffRequest {
  /** The git revision to compare the working tree with (`main`, `HEAD~1`, a commit). */
  readonly rev: string;
  readonly json?: boolean;
  readonly markdown?: boolean;
  /** A JSONL file of real contexts to replay through both versions. */
  readonly contexts?: string;
  /** Exit 1 when anything changed (for guarded paths); otherwise diff only reports. */
  readonly failOnChange?: boolean;
}

/** How many replayed contexts changed value, per feature, with a few examples. */
export interface ReplayResult {
  readonly feature: string;
  readonly contexts: number;
  readonly changed: number;
  readonly examples: ReadonlyArray<{ readonly context: unknown; readonly before: { bucket: string; value: unknown }; readonly after: { bucket: string; value: unknown } }>;
}

const usage = (message: string): CommandOutcome => ({ exitCode: 2, stdout: [], stderr: [`offline-features diff: ${message}`] });

function git(cwd: string, args: readonly string[]): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync("git", args, { cwd, maxBuffer: 512 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: String(r.stderr ?? r.error ?? "") };
}

async function loadModels(options: GenOptions): Promise<E.Either<string, Map<string, FeatureModel>>> {
  const loaded = await loadFeaturesInWorker(options, listFeatureFiles(options.featuresDir));
  if (loaded.problems.length > 0) return E.left(loaded.problems.map((p) => `${p.problem.where}: ${p.problem.message}`).join("\n"));
  return E.right(new Map(loaded.features.map((f) => [f.key, f.model])));
}

/**
 * `offline-features diff <git-rev>`: the features at a revision against the working tree. Both
 * sides are built in memory from the feature files (the revision's are exported with `git archive`
 * into a folder inside the repository, so they resolve the same packages), so committed
 * `generated/` files are not needed.
 */
export async function diffCommand(options: GenOptions, request: DiffRequest): Promise<CommandOutcome> {
  const top = git(options.cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) return usage(`${options.cwd} is not in a git repository`);
  const root = top.out.toString("utf8").trim();
  if (!git(root, ["rev-parse", "--verify", "--quiet", `${request.rev}^{commit}`]).ok) return usage(`unknown git revision ${JSON.stringify(request.rev)}`);
  let contexts: EvaluationContext[] | undefined;
  if (request.contexts !== undefined) {
    const parsed = readContexts(join(options.cwd, request.contexts));
    if (E.isLeft(parsed)) return usage(parsed.left);
    contexts = parsed.right;
  }
  // Inside the repository (a git-ignored .offline-features-tmp* folder), so that the revision's
  // feature files find the project's node_modules as the working tree's do.
  const scratch = mkdtempSync(join(root, ".offline-features-tmp-diff-"));
  try {
    const archive = git(root, ["archive", "--format=tar", request.rev]);
    if (!archive.ok) return usage(`git archive ${request.rev} failed: ${archive.err.trim()}`);
    const untar = spawnSync("tar", ["-x", "-C", scratch], { input: archive.out });
    if (untar.status !== 0) return { exitCode: 1, stdout: [], stderr: [`offline-features diff: cannot unpack ${request.rev}: ${String(untar.stderr)}`] };
    const oldFeatures = join(scratch, relative(root, options.featuresDir));
    const before = existsSync(oldFeatures) ? await loadModels({ ...options, cwd: join(scratch, relative(root, options.cwd)), featuresDir: oldFeatures }) : E.right(new Map<string, FeatureModel>());
    if (E.isLeft(before)) return { exitCode: 1, stdout: [], stderr: [`offline-features diff: the features at ${request.rev} do not load:\n${before.left}`] };
    const after = await loadModels(options);
    if (E.isLeft(after)) return { exitCode: 1, stdout: [], stderr: [`offline-features diff: the working tree's features do not load:\n${after.left}`] };
    const diff = compareFeatures(before.right, after.right);
    const replay = contexts === undefined ? undefined : replayContexts(before.right, after.right, diff, contexts);
    const anything = diff.added.length + diff.removed.length + diff.changed.length > 0;
    const exitCode = request.failOnChange === true && anything ? 1 : 0;
    if (request.json === true) return { exitCode, stdout: [JSON.stringify({ base: request.rev, anyChange: anything, ...diff, ...(replay === undefined ? {} : { replay }) }, null, 2)], stderr: [] };
    const lines = request.markdown === true ? markdown(request.rev, diff, replay) : human(request.rev, diff, replay);
    return { exitCode, stdout: lines, stderr: [] };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readContexts(path: string): E.Either<string, EvaluationContext[]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return E.left(`cannot read --contexts ${path}: ${(e as Error).message}`);
  }
  const contexts: EvaluationContext[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return E.left(`--contexts ${path}:${i + 1}: expected a JSON object per line`);
      contexts.push(value as EvaluationContext);
    } catch (e) {
      return E.left(`--contexts ${path}:${i + 1}: not JSON (${(e as Error).message})`);
    }
  }
  return E.right(contexts);
}

function replayContexts(before: ReadonlyMap<string, FeatureModel>, after: ReadonlyMap<string, FeatureModel>, diff: FeaturesDiff, contexts: readonly EvaluationContext[]): ReplayResult[] {
  const old = featuresOf(before);
  const now = featuresOf(after);
  return diff.changed.map(({ key }) => {
    const examples: ReplayResult["examples"][number][] = [];
    let changed = 0;
    for (const context of contexts) {
      const a = old.get(key)!.evaluate(context);
      const b = now.get(key)!.evaluate(context);
      if (isDeepStrictEqual(a.value, b.value)) continue;
      changed++;
      if (examples.length < 3) examples.push({ context, before: { bucket: a.bucket, value: a.value }, after: { bucket: b.bucket, value: b.value } });
    }
    return { feature: key, contexts: contexts.length, changed, examples };
  });
}

function summary(rev: string, diff: FeaturesDiff): string {
  return `features at ${rev} → working tree: ${diff.changed.length} changed, ${diff.added.length} added, ${diff.removed.length} removed`;
}

function replayLines(replay: readonly ReplayResult[] | undefined): string[] {
  if (replay === undefined) return [];
  return replay.flatMap((r) => [
    `${r.feature}: ${r.changed} of ${r.contexts} replayed contexts change value`,
    ...r.examples.map((e) => `    ${JSON.stringify(e.context)}: ${JSON.stringify(e.before.bucket)} ${shortJson(e.before.value)} → ${JSON.stringify(e.after.bucket)} ${shortJson(e.after.value)}`),
  ]);
}

function human(rev: string, diff: FeaturesDiff, replay: readonly ReplayResult[] | undefined): string[] {
  const replayed = replayLines(replay);
  return [summary(rev, diff), ...diffLines(diff), ...(replayed.length === 0 ? [] : ["", ...replayed])];
}

function markdown(rev: string, diff: FeaturesDiff, replay: readonly ReplayResult[] | undefined): string[] {
  const lines = [`### Feature changes`, "", summary(rev, diff).replace(/^features at (\S+)/, "Features at `$1`"), ""];
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return [...lines, "No feature changed."];
  lines.push("```diff", ...diffLines(diff), "```");
  const replayed = replayLines(replay);
  if (replayed.length > 0) lines.push("", "**Replayed contexts**", "", ...replayed.map((l) => (l.startsWith("    ") ? `  - \`${l.trim()}\`` : `- ${l}`)));
  return lines;
}
