import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { relative, sep } from "node:path";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { processAlive } from "../../runtime/fs";

/*
 * The output folder changes all at once. A run builds the new folder beside it
 * (`.generated.partial-<pid>-<id>`: unchanged files hard-linked, changed ones written and flushed),
 * marks it complete by renaming it `.generated.ready-<pid>-<id>`, then swaps: the old folder is
 * renamed `.generated.old-<pid>-<id>`, the ready one takes its name, the old one is deleted. A run
 * killed before the swap leaves the old folder whole; one killed after it, the new one. Between
 * the two renames of the swap there is no folder under the name; {@link recoverFolder}, run at the
 * start of every `gen` and `gen --check`, puts the ready folder (or else the old one) back, and
 * deletes what dead runs left behind. No manual step is ever needed.
 */

const STAGE = /^\.(.+)\.(partial|ready|old)-(\d+)-[0-9a-f]+$/;

function exists(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Repairs what a killed run left: when `folder` is missing, a ready folder becomes it (or else an
 * old one); then every staging folder of a dead run is deleted. Runs of live processes are left alone.
 */
export function recoverFolder(folder: string): void {
  const parent = dirname(folder);
  const name = basename(folder);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const stages = entries
    .map((entry) => ({ entry, match: STAGE.exec(entry) }))
    .filter(({ match }) => match !== null && match[1] === name && !processAlive(Number(match[3])))
    .map(({ entry, match }) => ({ path: join(parent, entry), kind: match![2]! }));
  if (!exists(folder)) {
    const restore = stages.find((s) => s.kind === "ready") ?? stages.find((s) => s.kind === "old");
    if (restore !== undefined) renameSync(restore.path, folder);
  }
  for (const stage of stages) rmSync(stage.path, { recursive: true, force: true });
}

/** Hard-links (or, across devices, copies) every file of `from` into `to`, except `skip`; iterative. */
function linkTree(from: string, to: string, skip: ReadonlySet<string>): void {
  const pending: Array<[string, string]> = [[from, to]];
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const s = join(source, entry.name);
      const t = join(target, entry.name);
      // `skip` names files relative to the folder, `bundles/x.json` included.
      if (skip.has(relative(from, s).split(sep).join("/"))) continue;
      // Temporaries of killed per-file writes (`.x.ts.<pid>.<id>.tmp`) are litter, not content.
      if (entry.name.startsWith(".") && entry.name.endsWith(".tmp")) continue;
      if (entry.isDirectory()) pending.push([s, t]);
      else if (entry.isFile()) {
        try {
          linkSync(s, t);
        } catch {
          copyFileSync(s, t);
        }
      }
    }
  }
}

/** A name for one run's staging folders: this process's pid (recovery spares a live run's) and a random part. */
export function newStagingId(): string {
  return `${process.pid}-${randomBytes(6).toString("hex")}`;
}

/** The staging folder of `kind` for the run `id` (see {@link newStagingId}), beside `folder`. */
export function stagingFolder(folder: string, kind: "partial" | "ready" | "old", id: string): string {
  return join(dirname(folder), `.${basename(folder)}.${kind}-${id}`);
}

/**
 * Replaces `folder` by its current content minus `remove`, plus `write` (written by `writeInto`
 * into the staging folder), in one swap. Recovers first from any earlier killed run. The old
 * folder, once swapped out, is deleted through `later` when given (a watcher deletes it after its
 * summary: 2,000 files take ~50–100 ms to unlink); it is garbage by then, and a run that dies
 * before deleting it leaves it to the next run's recovery. `id` names the staging folders: a
 * caller that wrote files into `stagingFolder(folder, "partial", id)` already (early-writes.ts)
 * passes it, and lists those files in `remove` so that no link replaces them.
 */
export async function swapFolder(
  folder: string,
  remove: readonly string[],
  writeInto: (staging: string) => Promise<void>,
  later?: (task: () => void) => void,
  id: string = newStagingId(),
): Promise<void> {
  recoverFolder(folder);
  const stage = (kind: "partial" | "ready" | "old") => stagingFolder(folder, kind, id);
  const partial = stage("partial");
  try {
    if (exists(folder)) linkTree(folder, partial, new Set(remove));
    else mkdirSync(partial, { recursive: true });
    await writeInto(partial);
    const ready = stage("ready");
    renameSync(partial, ready);
    const old = stage("old");
    const hadFolder = exists(folder);
    if (hadFolder) renameSync(folder, old);
    renameSync(ready, folder);
    const removeOld = () => rmSync(old, { recursive: true, force: true });
    if (hadFolder) {
      if (later === undefined) removeOld();
      else later(removeOld);
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
