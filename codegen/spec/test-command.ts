import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { GenOptions } from "../cli/options";
import { listSpecFiles } from "../pipeline/feature-files";
import { formatProblems } from "../problems";
import type { CommandOutcome } from "../explain/eval-command";
import { shortJson } from "../output/emit/header";
import { specCoverage, type FeatureCoverage } from "./coverage";
import type { SpecRun } from "./run-specs";

/** What `offline-features test` was asked. */
export interface TestRequest {
  readonly json?: boolean;
  /** Fail when any feature's coverage is below this percentage (`--coverage-min`). */
  readonly coverageMin?: number;
}

function runInWorker(options: GenOptions, files: readonly string[]): Promise<SpecRun> {
  const { onProgress: _progress, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "spec-worker.js"), { workerData: { options: plain, files } });
    let result: SpecRun | undefined;
    worker.on("message", (message: { result?: SpecRun }) => (result = message.result ?? result));
    worker.on("error", reject);
    worker.on("exit", (code) => (result === undefined ? reject(new Error(`the worker running spec files stopped (exit code ${code}) without a result`)) : resolve(result)));
  });
}

/**
 * `offline-features test`: runs every `*.spec.ts` under the features folder, prints each failing
 * case with the trace of why it got what it got, then coverage per feature. Exit 1 on a failed case,
 * a spec file that does not load, or coverage under `--coverage-min`.
 */
export async function testCommand(options: GenOptions, request: TestRequest = {}): Promise<CommandOutcome> {
  const files = listSpecFiles(options.featuresDir);
  if (files.length === 0) return { exitCode: 1, stdout: [], stderr: ["offline-features test: no spec files (features/**/*.spec.ts); see the README's \"Spec files\""] };
  const run = await runInWorker(options, files);
  const coverage = specCoverage(run.features, run.cases);
  const failed = run.cases.filter((c) => !c.passed);
  const belowMin = request.coverageMin === undefined ? [] : coverage.filter((c) => c.percent < request.coverageMin!);
  const ok = failed.length === 0 && run.problems.length === 0 && belowMin.length === 0;
  if (request.json === true) {
    const json = { ok, passed: run.cases.length - failed.length, failed: failed.length, problems: run.problems, cases: run.cases.map(({ outcomes: _o, ...c }) => c), coverage };
    return { exitCode: ok ? 0 : 1, stdout: [JSON.stringify(json, null, 2)], stderr: [] };
  }
  const lines: string[] = [];
  for (const c of failed) {
    lines.push(`✗ ${c.where} ${c.feature}: ${c.name}`);
    if (c.expected.bucket !== undefined) lines.push(`    expected bucket ${JSON.stringify(c.expected.bucket)}, got ${JSON.stringify(c.actual.bucket)} (${c.actual.reason})`);
    if ("value" in c.expected) lines.push(`    expected value ${shortJson(c.expected.value)}, got ${shortJson(c.actual.value)}`);
    for (const e of c.actual.errors) lines.push(`    error: ${e}`);
    lines.push(...c.explanation.map((l) => `    ${l}`));
  }
  if (run.problems.length > 0) lines.push(formatProblems(run.problems));
  lines.push("", "coverage:", ...coverage.flatMap((c) => coverageLines(c, request.coverageMin)));
  lines.push("", `${run.cases.length - failed.length} passed, ${failed.length} failed`);
  return { exitCode: ok ? 0 : 1, stdout: lines, stderr: [] };
}

function coverageLines(c: FeatureCoverage, min: number | undefined): string[] {
  const lines = [`  ${c.feature}: ${c.percent}%${min !== undefined && c.percent < min ? ` (below --coverage-min ${min})` : ""}`];
  if (c.unreachedBuckets.length > 0) lines.push(`    buckets no case reaches: ${c.unreachedBuckets.map((b) => JSON.stringify(b)).join(", ")}`);
  for (const n of c.partialNodes) lines.push(`    ${n.rule} at ${n.path}: ${n.seen}`);
  return lines;
}
