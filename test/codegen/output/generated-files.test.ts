import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HEADER_MARK, readGeneratedFiles, type OutFolderMemory } from "../../../codegen/output/generated-files";

test("a watcher's memory of the out folder never hides an edit, even one that keeps the size", () => {
  const dir = mkdtempSync(join(tmpdir(), "offline-features-out-"));
  try {
    const memory: OutFolderMemory = new Map();
    writeFileSync(join(dir, "a.ts"), `${HEADER_MARK}\nexport const a = 1;\n`);
    writeFileSync(join(dir, "notes.ts"), "// the user's own file\n");
    expect(readGeneratedFiles(dir, memory)).toEqual(new Map([["a.ts", `${HEADER_MARK}\nexport const a = 1;\n`]]));
    expect([...memory.keys()].sort()).toEqual([join(dir, "a.ts"), join(dir, "notes.ts")]);
    // Same length, and a modification time moved on as any write moves it.
    writeFileSync(join(dir, "a.ts"), `${HEADER_MARK}\nexport const a = 2;\n`);
    utimesSync(join(dir, "a.ts"), new Date(), new Date(Date.now() + 5_000));
    expect(readGeneratedFiles(dir, memory).get("a.ts")).toBe(`${HEADER_MARK}\nexport const a = 2;\n`);
    rmSync(join(dir, "a.ts"));
    expect(readGeneratedFiles(dir, memory).size).toBe(0);
    expect(memory.has(join(dir, "a.ts"))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
