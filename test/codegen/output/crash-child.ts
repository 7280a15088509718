/*
 * A child process for crash-safety.test.ts: the write phase of `gen` over a file set read from a
 * JSON file, announcing on stdout when it starts writing, so the parent can kill it at a random
 * point of that phase. `early` writes as `gen` does (each file offered to EarlyWrites, then the
 * swap); `plain` as `--watch` does (diff, then apply).
 */
import { readFileSync } from "node:fs";
import { EarlyWrites } from "../../../codegen/output/early-writes";
import { applyChanges, diffOutputs } from "../../../codegen/output/out-folder-changes";
import { recoverFolder } from "../../../codegen/output/swap-folder";

async function main(): Promise<void> {
  const [outDir, filesJson, mode] = process.argv.slice(2) as [string, string, "early" | "plain"];
  const files = new Map<string, string>(Object.entries(JSON.parse(readFileSync(filesJson, "utf8")) as Record<string, string>));
  recoverFolder(outDir);
  if (mode === "early") {
    const early = new EarlyWrites(outDir);
    process.stdout.write("writing\n");
    for (const [name, content] of files) early.offer(name, content);
    const written = await early.finish();
    await applyChanges(outDir, diffOutputs(outDir, files, undefined, written.existing), undefined, written);
  } else {
    const changes = diffOutputs(outDir, files);
    process.stdout.write("writing\n");
    await applyChanges(outDir, changes);
  }
  process.stdout.write("done\n");
}

void main();
