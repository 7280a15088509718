import * as E from "fp-ts/Either";
import { connect, FeatureStore, httpSource, type AmbientOverrides, type EvaluationHook, type JsonValue } from "../../../runtime";
import { bundleOf, flag, nextHealth, TestServer } from "../sources/support";
import { getTest, getTestDetails, store as sampleStore } from "../../fixtures/sample/generated";

const v1 = bundleOf({ banner: flag("one") });

function loaded(): FeatureStore {
  const store = FeatureStore.fromBundle(v1.text);
  if (E.isLeft(store)) throw store.left;
  return store.right;
}

/** A hook that writes `name phase` for each phase it sees. */
function recorder(name: string, calls: string[]): EvaluationHook {
  return {
    before: () => void calls.push(`${name} before`),
    after: () => void calls.push(`${name} after`),
    error: () => void calls.push(`${name} error`),
    finally: () => void calls.push(`${name} finally`),
  };
}

describe("per-call hooks (handle.evaluate(ctx, { hooks }), the generated getters' second parameter)", () => {
  test("before: store hooks in the order added, then the call's in order; after and finally: the exact reverse, as OpenFeature orders them", () => {
    const store = loaded();
    const calls: string[] = [];
    store.hooks.add(recorder("store1", calls));
    store.hooks.add(recorder("store2", calls));
    const handle = store.handle<JsonValue, string, AmbientOverrides & { on?: boolean }>("banner", "fallback");
    const details = handle.evaluate({ on: true }, { hooks: [recorder("call1", calls), recorder("call2", calls)] });
    expect(details).toMatchObject({ value: "one", reason: "TARGETING_MATCH" });
    expect(calls).toEqual([
      "store1 before", "store2 before", "call1 before", "call2 before",
      "call2 after", "call1 after", "store2 after", "store1 after",
      "call2 finally", "call1 finally", "store2 finally", "store1 finally",
    ]);
  });

  test("store hooks alone run after and finally in reverse too; error replaces after on reason ERROR", () => {
    const store = loaded();
    const calls: string[] = [];
    store.hooks.add(recorder("a", calls));
    store.hooks.add(recorder("b", calls));
    store.handle("absent", 0).evaluate();
    expect(calls).toEqual(["a before", "b before", "b error", "a error", "b finally", "a finally"]);
  });

  test("a call's hooks run without store hooks, see the key, context and details, and a throwing one changes nothing", () => {
    const store = loaded();
    const seen: unknown[] = [];
    const hooks: EvaluationHook[] = [
      { before: () => { throw new Error("metrics down"); } },
      { after: (key, details, ctx) => void seen.push([key, details.bucket, ctx]) },
    ];
    const handle = store.handle<JsonValue, string, AmbientOverrides & { on?: boolean }>("banner", "fallback");
    expect(handle.evaluate({ on: true }, { hooks })).toMatchObject({ value: "one", bucket: "on" });
    expect(seen).toEqual([["banner", "on", { on: true }]]);
    // Other calls of the same handle do not run them.
    handle.evaluate({ on: true });
    handle.evaluate({ on: true }, {});
    handle.evaluate({ on: true }, { hooks: [] });
    expect(seen).toHaveLength(1);
  });

  test("a stale store marks the details the call's hooks see", async () => {
    const store = loaded();
    const server = await TestServer.start();
    try {
      server.serve(v1.text);
      // One check, then none for a minute: the store goes stale 30 ms after it and stays so.
      connect(store, httpSource(server.url, { intervalMs: 60_000 }), { staleAfterMs: 30 });
      await store.ready(5_000);
      if (!store.status().stale) await nextHealth(store, "stale");
      const reasons: string[] = [];
      const details = store.handle<JsonValue, string, AmbientOverrides & { on?: boolean }>("banner", "x").evaluate({ on: true }, { hooks: [{ after: (_k, d) => void reasons.push(d.reason) }] });
      expect(details.reason).toBe("STALE");
      expect(reasons).toEqual(["STALE"]);
    } finally {
      await store.close();
      await server.close();
    }
  });

  test("the generated getters pass their options through: getTest(undefined, { hooks }) and the details getter alike", () => {
    const keys: string[] = [];
    const exposure = { hooks: [{ after: (key: string) => void keys.push(key) }] };
    const value = getTest({ hostname: "web-1" }, exposure);
    const details = getTestDetails({ hostname: "web-1" }, exposure);
    expect(value).toBe(details.value);
    expect(keys).toEqual(["test", "test"]);
    expect(sampleStore.hooks.size).toBe(0);
  });
});
