import * as E from "fp-ts/Either";
import { connect, embedded, FeatureStore, type EvaluationDetails, type StoreChange } from "../../../runtime";
import { bundleOf, detailsOn, flag } from "../sources/support";

const v1 = bundleOf({ banner: flag("one"), same: flag(1), gone: flag(true) });
const v2 = bundleOf({ banner: flag("two"), same: flag(1), added: flag(false) });

function loaded(text: string): FeatureStore {
  const store = FeatureStore.fromBundle(text);
  if (E.isLeft(store)) throw store.left;
  return store.right;
}

describe("store.onChange", () => {
  test("tells the keys added, removed or changed, and nothing for an identical bundle", () => {
    const store = loaded(v1.text);
    const changes: StoreChange[] = [];
    const off = store.onChange((c) => changes.push(c));
    store.replace(v2.text);
    store.replace(v2.text);
    expect(changes).toEqual([{ keys: ["added", "banner", "gone"], hash: v2.hash, previousHash: v1.hash }]);
    off();
    store.replace(v1.text);
    expect(changes).toHaveLength(1);
  });

  test("a listener that throws does not stop the swap nor the other listeners", () => {
    const store = loaded(v1.text);
    let heard = 0;
    store.onChange(() => {
      throw new Error("listener bug");
    });
    store.onChange(() => heard++);
    expect(E.isRight(store.replace(v2.text))).toBe(true);
    expect(heard).toBe(1);
    expect(store.hash).toBe(v2.hash);
  });
});

describe("store.hooks", () => {
  test("before, after, finally around each evaluation; error instead of after when the reason is ERROR", () => {
    const store = loaded(v1.text);
    const calls: string[] = [];
    const remove = store.hooks.add({
      before: (key) => calls.push(`before ${key}`),
      after: (key, d) => calls.push(`after ${key} ${d.reason}`),
      error: (key, d) => calls.push(`error ${key} ${d.errors[0]?.code}`),
      finally: (key) => calls.push(`finally ${key}`),
    });
    expect(detailsOn(store).value).toBe("one");
    store.handle("absent", 0).evaluate();
    expect(calls).toEqual(["before banner", "after banner TARGETING_MATCH", "finally banner", "before absent", "error absent FLAG_NOT_FOUND", "finally absent"]);
    remove();
    detailsOn(store);
    expect(calls).toHaveLength(6);
    expect(store.hooks.size).toBe(0);
  });

  test("a hook that throws changes nothing: the getter answers and the next hooks run", () => {
    const store = loaded(v1.text);
    const seen: EvaluationDetails<unknown>[] = [];
    store.hooks.add({
      before: () => {
        throw new Error("metrics down");
      },
      after: () => {
        throw new Error("metrics down");
      },
    });
    store.hooks.add({ finally: (_key, d) => seen.push(d) });
    const details = detailsOn(store);
    expect(details).toMatchObject({ value: "one", reason: "TARGETING_MATCH" });
    expect(seen).toEqual([details]);
    store.hooks.clear();
    expect(store.hooks.size).toBe(0);
  });
});

describe("embedded()", () => {
  test("reloads the bundle the store was built with, undoing a replace, and is ready at once", async () => {
    const store = loaded(v1.text);
    store.replace(v2.text);
    connect(store, embedded());
    await store.ready(1_000);
    expect(store.status()).toMatchObject({ source: "embedded", hash: v1.hash, lastError: undefined, stale: false });
    await store.close();
  });

  test("given a bundle, loads that one", async () => {
    const store = connect(FeatureStore.empty(), embedded(v2.text));
    await store.ready(1_000);
    expect(store.hash).toBe(v2.hash);
    await store.close();
  });
});
