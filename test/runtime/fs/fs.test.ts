import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readIfExists, readIfExistsAsync, writeFileAtomic, writeFileAtomicAsync, writeFilesAtomic } from "../../../runtime/fs";

const folder = mkdtempSync(join(tmpdir(), "of-fs-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("readIfExists", () => {
  it("reads a file, and answers undefined for nothing or a folder, sync and async", async () => {
    const file = join(folder, "read.txt");
    writeFileAtomic(file, "text");
    mkdirSync(join(folder, "a-folder"), { recursive: true });
    expect(readIfExists(file)).toBe("text");
    expect(readIfExists(join(folder, "missing.txt"))).toBeUndefined();
    expect(readIfExists(join(folder, "a-folder"))).toBeUndefined();
    await expect(readIfExistsAsync(file)).resolves.toBe("text");
    await expect(readIfExistsAsync(join(folder, "missing.txt"))).resolves.toBeUndefined();
  });
});

describe("atomic writes", () => {
  it("create parent folders, leave an identical file alone, and leave no temporary file", async () => {
    const file = join(folder, "deep", "er", "out.json");
    expect(writeFileAtomic(file, "1")).toBe(true);
    utimesSync(file, new Date(1_000_000), new Date(1_000_000));
    expect(writeFileAtomic(file, "1")).toBe(false);
    expect(statSync(file).mtimeMs).toBe(1_000_000);
    expect(writeFileAtomic(file, "1", false)).toBe(true);
    expect(await writeFileAtomicAsync(file, "1")).toBe(false);
    expect(await writeFileAtomicAsync(join(folder, "async", "out.json"), "2")).toBe(true);
    expect(readFileSync(join(folder, "async", "out.json"), "utf8")).toBe("2");
    expect(readdirSync(join(folder, "deep", "er"))).toEqual(["out.json"]);
  });

  it("write many files at once, and reject with the first failure after the rest settle", async () => {
    const files = Array.from({ length: 40 }, (_, i) => [join(folder, "many", `${i % 3}`, `f${i}.txt`), `content ${i}`] as const);
    await writeFilesAtomic(files);
    for (const [path, content] of files) expect(readFileSync(path, "utf8")).toBe(content);
    mkdirSync(join(folder, "blocked", "taken"), { recursive: true });
    mkdirSync(join(folder, "blocked", "taken", "inside"));
    await expect(writeFilesAtomic([[join(folder, "blocked", "taken"), "x"], [join(folder, "blocked", "ok.txt"), "y"]])).rejects.toThrow();
    expect(readFileSync(join(folder, "blocked", "ok.txt"), "utf8")).toBe("y");
    expect(readdirSync(join(folder, "blocked")).sort()).toEqual(["ok.txt", "taken"]);
  });
});
