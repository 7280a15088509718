/**
 * The README's main job, as PyOF's seed `app.py` does it: write the seed feature's JSON to disk,
 * load it back, and print the bucket and value this process falls in.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OfflineFeature } from "../runtime";
import { test } from "../features/test";

const path = join(__dirname, "..", "ofs", "test.json");
const wrote = test.writeToDisk(path);
const loaded = OfflineFeature.loads(readFileSync(path, "utf8"), { key: "test" });
const details = loaded.evaluate();
console.log(`${wrote ? "wrote" : "unchanged"} ${path}`);
console.log(`bucket: ${JSON.stringify(details.bucket)}`);
console.log(`value: ${JSON.stringify(details.value)}`);
console.log(`reason: ${details.reason}`);
