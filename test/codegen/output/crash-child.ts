/*
 * A child process for crash-safety.test.ts: the write phase of `gen` (diff, then apply) over a
 * file set read from a JSON file, announcing on stdout when it starts writing, so the parent can
 * kill it at a random point of that phase.
 */
import { readFileSync } from "node:fs";
import { applyChanges, diffOutputs } from "../../../codegen/output/out-folder-changes";
import { recoverFolder } from "../../../codegen/output/swap-folder";

async function main(): Promise<void> {
  const [outDir, filesJson] = process.argv.slice(2) as [string, string];
  const files = new Map<string, string>(Object.entries(JSON.parse(readFileSync(filesJson, "utf8")) as Record<string, string>));
  recoverFolder(outDir);
  const changes = diffOutputs(outDir, files);
  process.stdout.write("writing\n");
  await applyChanges(outDir, changes);
  process.stdout.write("done\n");
}

void main();
