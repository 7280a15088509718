import { mkdirSync, renameSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect, FeatureStore, fileSource } from "../../../runtime";
import { bundleOf, detailsOn, flag, nextHealth, tempFolder, untilHash } from "./support";

const v1 = bundleOf({ banner: flag("one") });
const v2 = bundleOf({ banner: flag("two") });
const v3 = bundleOf({ banner: flag("three"), extra: flag(1) });

/** A store watching `path`, loaded with v1. */
async function watching(path: string): Promise<FeatureStore> {
  const store = FeatureStore.empty();
  connect(store, fileSource(path, { watch: true, debounceMs: 20 }));
  await store.ready(5_000);
  expect(store.hash).toBe(v1.hash);
  return store;
}

const valueOf = (store: FeatureStore) => detailsOn(store).value;

describe("fileSource with watch: every way tools replace a file, last good kept in between", () => {
  let folder: ReturnType<typeof tempFolder>;
  let path: string;
  let store: FeatureStore | undefined;
  beforeEach(() => {
    folder = tempFolder("file-source");
    path = join(folder.path, "features.json");
    store = undefined;
  });
  afterEach(async () => {
    await store?.close();
    folder.remove();
  });

  test("write in place", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    writeFileSync(path, v2.text);
    await untilHash(store, v2.hash);
    expect(valueOf(store)).toBe("two");
  });

  test("truncate, then write: the empty file is refused, then the new one loads", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    const failing = nextHealth(store, "failing");
    truncateSync(path, 0);
    expect((await failing).error.message).toMatch(/invalid JSON/);
    expect(valueOf(store)).toBe("one");
    writeFileSync(path, v2.text);
    await untilHash(store, v2.hash);
    expect(valueOf(store)).toBe("two");
  });

  test("rename over (an atomic writer, most editors)", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    writeFileSync(join(folder.path, ".features.json.tmp"), v2.text);
    renameSync(join(folder.path, ".features.json.tmp"), path);
    await untilHash(store, v2.hash);
    expect(valueOf(store)).toBe("two");
  });

  test("delete, then recreate: the missing file is a failure, not an empty store", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    const failing = nextHealth(store, "failing");
    unlinkSync(path);
    expect((await failing).error.message).toMatch(/does not exist/);
    expect(store.status().lastError?.message).toMatch(/does not exist/);
    expect(valueOf(store)).toBe("one");
    const recovered = nextHealth(store, "recovered");
    writeFileSync(path, v3.text);
    await Promise.all([untilHash(store, v3.hash), recovered]);
    expect(store.keys()).toEqual(["banner", "extra"]);
    expect(store.status().lastError).toBeUndefined();
  });

  test("symlink swap, as a Kubernetes ConfigMap volume updates", async () => {
    // features.json -> ..data/features.json, ..data -> ..<timestamp>; an update swaps ..data.
    mkdirSync(join(folder.path, "..2026_01"));
    writeFileSync(join(folder.path, "..2026_01", "features.json"), v1.text);
    symlinkSync("..2026_01", join(folder.path, "..data"));
    symlinkSync(join("..data", "features.json"), path);
    store = await watching(path);
    mkdirSync(join(folder.path, "..2026_02"));
    writeFileSync(join(folder.path, "..2026_02", "features.json"), v2.text);
    symlinkSync("..2026_02", join(folder.path, "..data_tmp"));
    renameSync(join(folder.path, "..data_tmp"), join(folder.path, "..data"));
    await untilHash(store, v2.hash);
    expect(valueOf(store)).toBe("two");
  });

  test("a partial write is refused (hash check) and the last good bundle stays; the full write then loads", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    const failing = nextHealth(store, "failing");
    writeFileSync(path, v2.text.slice(0, Math.floor(v2.text.length / 2)));
    expect((await failing).error.message).toMatch(/invalid feature bundle/);
    expect(valueOf(store)).toBe("one");
    expect(store.hash).toBe(v1.hash);
    writeFileSync(path, v2.text);
    await untilHash(store, v2.hash);
  });

  test("a file past the store's limits.bytes is refused from its size, unread; the last good bundle stays", async () => {
    writeFileSync(path, v1.text);
    const bytes = v1.text.length + 10;
    store = FeatureStore.empty({ limits: { bytes } });
    connect(store, fileSource(path, { watch: true, debounceMs: 20 }));
    await store.ready(5_000);
    const failing = nextHealth(store, "failing");
    writeFileSync(path, "x".repeat(bytes + 1));
    expect((await failing).error.message).toMatch(new RegExp(`larger than ${bytes} bytes \\(${bytes + 1} found\\); the limit is limits\\.bytes = ${bytes} \\(raise it with`));
    expect(valueOf(store)).toBe("one");
    writeFileSync(path, v2.text); // back under the limit: taken
    await untilHash(store, v2.hash);
  });

  test("maxBytes lower than the store's limit is the cap, named as the source's", async () => {
    writeFileSync(path, v1.text);
    store = FeatureStore.empty();
    const failing = nextHealth(store, "failing");
    connect(store, fileSource(path, { watch: true, debounceMs: 20, maxBytes: 100 }));
    expect((await failing).error.message).toMatch(/larger than 100 bytes \(\d+ found\); the limit is the source's maxBytes = 100$/);
    expect(store.hash).toBeUndefined();
  });

  test("a bundle whose content does not match its hash (a hand edit) is refused", async () => {
    writeFileSync(path, v1.text);
    store = await watching(path);
    const failing = nextHealth(store, "failing");
    writeFileSync(path, v1.text.replace('"one"', '"edited"'));
    expect((await failing).error.message).toMatch(/does not match the hash/);
    expect(valueOf(store)).toBe("one");
  });
});

describe("fileSource without watch", () => {
  test("reads once; a missing file rejects ready with the path and keeps the store as it was", async () => {
    const folder = tempFolder("file-once");
    const store = FeatureStore.empty();
    try {
      connect(store, fileSource(join(folder.path, "absent.json")));
      await expect(store.ready(200)).rejects.toThrow(/not ready after 200 ms: no good bundle from .*absent\.json.*does not exist/);
      expect(store.status()).toMatchObject({ hash: undefined, stale: false });
      expect(store.handle("banner", "fallback").evaluate().errors[0]?.code).toBe("FLAG_NOT_FOUND");
    } finally {
      await store.close();
      folder.remove();
    }
  });
});
