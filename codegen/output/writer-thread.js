"use strict";
/*
 * The thread that writes a run's output files into its staging folder while the main thread is
 * still printing the others (early-writes.ts starts it; plain JavaScript, so the compiled package
 * copies it as is). Each file is written and flushed; the staging folder is swapped in whole
 * afterwards (swap-folder.ts), so a file here needs no temporary name of its own.
 *
 * Messages in: `{ path, content }` for each file, then `{ finish: true }`. Message out, once every
 * file is settled after `finish`: `{ done: true, error }`, `error` being the first failure's
 * message or undefined.
 */
const { parentPort } = require("node:worker_threads");
const { mkdir, open } = require("node:fs/promises");
const path = require("node:path");

/** Files written at once: flushing is disk-bound, so several in flight keep the disk busy. */
const CONCURRENCY = 16;

const queue = [];
const folders = new Map();
let inFlight = 0;
let finishing = false;
let failure;

/** Each folder is made once; files wait for their folder. */
function folderOf(file) {
  const folder = path.dirname(file);
  let made = folders.get(folder);
  if (made === undefined) {
    made = mkdir(folder, { recursive: true });
    folders.set(folder, made);
  }
  return made;
}

async function writeOne(file, content) {
  await folderOf(file);
  const handle = await open(file, "w");
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function pump() {
  while (inFlight < CONCURRENCY && queue.length > 0 && failure === undefined) {
    const [file, content] = queue.shift();
    inFlight += 1;
    writeOne(file, content)
      .catch((e) => {
        failure ??= e instanceof Error ? e.message : String(e);
      })
      .finally(() => {
        inFlight -= 1;
        pump();
      });
  }
  if (finishing && inFlight === 0 && (queue.length === 0 || failure !== undefined)) {
    finishing = false;
    parentPort.postMessage({ done: true, error: failure });
  }
}

parentPort.on("message", (message) => {
  if (message.finish === true) finishing = true;
  else queue.push([message.path, message.content]);
  pump();
});
