import * as E from "fp-ts/Either";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeBundle, FeatureStore, overridesFromEnvironment, overridesFromFile, OVERRIDES_ENV, type FeatureModel } from "../../../runtime";

const plan: FeatureModel = {
  type: "offline-feature",
  python_versions: ["all"],
  buckets: [
    { name: "pro", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "pro" }, value: { seats: 10 } },
    { name: "team", classifier: { __type: "comparison.eq", attribute: { __type: "context.string", name: "plan" }, value: "team" }, value: { seats: 3 } },
  ],
  default: { seats: 1 },
};

type Overrides = { plan?: "pro" | "team" | "default" | { value: { seats: number } } };

function storeWithPlan() {
  const filled = FeatureStore.empty<Overrides>();
  const loaded = filled.replace(encodeBundle({ plan }));
  if (E.isLeft(loaded)) throw loaded.left;
  return { store: filled, handle: filled.handle<{ seats: number }, "pro" | "team">("plan", { seats: 0 }, ["pro", "team"]) };
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("store.override", () => {
  it("forces a bucket, with its value and the reason OVERRIDE, until restored", () => {
    const { store, handle } = storeWithPlan();
    const forced = store.override({ plan: "team" });
    expect(handle.evaluate({ plan: "pro" } as never)).toEqual({ value: { seats: 3 }, bucket: "team", reason: "OVERRIDE", errors: [] });
    forced.restore();
    expect(handle.evaluate({ plan: "pro" } as never)).toMatchObject({ value: { seats: 10 }, reason: "TARGETING_MATCH" });
  });

  it("forces a value outright, reporting the bucket that holds it when one does", () => {
    const { store, handle } = storeWithPlan();
    const a = store.override({ plan: { value: { seats: 3 } } });
    expect(handle.evaluate({ plan: "x" } as never)).toMatchObject({ value: { seats: 3 }, bucket: "team", reason: "OVERRIDE" });
    const b = store.override({ plan: { value: { seats: 99 } } });
    expect(handle.evaluate({ plan: "x" } as never)).toMatchObject({ value: { seats: 99 }, bucket: "default", reason: "OVERRIDE" });
    a.restore();
    expect(handle.evaluate({ plan: "x" } as never).value).toEqual({ seats: 99 });
    b.restore();
    expect(handle.evaluate({ plan: "x" } as never)).toMatchObject({ value: { seats: 1 }, reason: "DEFAULT" });
  });

  it("refuses a bucket the feature does not have with an error naming the choices", () => {
    const { store, handle } = storeWithPlan();
    store.override({ plan: "enterprise" } as never);
    const details = handle.evaluate({ plan: "pro" } as never);
    expect(details).toMatchObject({ value: { seats: 1 }, bucket: "default", reason: "ERROR" });
    expect(String(details.errors[0])).toContain('names bucket "enterprise", which it does not have (expected one of "pro", "team", or "default")');
  });

  it("only a map's own keys count: a feature keyed `constructor` is not forced by Object.prototype", () => {
    const filled = FeatureStore.empty();
    expect(E.isRight(filled.replace(encodeBundle({ constructor: plan })))).toBe(true);
    const handle = filled.handle<unknown>("constructor", null);
    filled.override({ other: "x" });
    filled.override({});
    expect(handle.evaluate({ plan: "pro" } as never)).toMatchObject({ bucket: "pro", reason: "TARGETING_MATCH" });
    expect(Object.prototype).not.toHaveProperty("plan");
  });

  it("withOverrides holds for its own async context only, and ends when its promise settles", async () => {
    const { store, handle } = storeWithPlan();
    const seen: string[] = [];
    const tick = () => new Promise((r) => setTimeout(r, 5));
    await Promise.all([
      store.withOverrides({ plan: "team" }, async () => {
        await tick();
        seen.push(`a:${handle.evaluate({ plan: "pro" } as never).bucket}`);
      }),
      store.withOverrides({ plan: "default" }, async () => {
        await tick();
        seen.push(`b:${handle.evaluate({ plan: "pro" } as never).bucket}`);
      }),
      (async () => {
        await tick();
        seen.push(`outside:${handle.evaluate({ plan: "pro" } as never).bucket}`);
      })(),
    ]);
    expect(seen.sort()).toEqual(["a:team", "b:default", "outside:pro"]);
    expect(handle.evaluate({ plan: "pro" } as never).reason).toBe("TARGETING_MATCH");
    expect(store.withOverrides({ plan: "team" }, () => handle.evaluate({} as never).bucket)).toBe("team");
  });
});

describe("overrides files", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "of-overrides-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("applies the file, follows edits and renames over it, keeps the last good on a bad edit, and lifts on delete", async () => {
    const { store, handle } = storeWithPlan();
    const path = join(dir, "overrides.json");
    writeFileSync(path, JSON.stringify({ plan: "team" }));
    const file = overridesFromFile(store, path);
    await file.loaded;
    const bucket = () => handle.evaluate({ plan: "pro" } as never).bucket;
    expect(bucket()).toBe("team");

    writeFileSync(join(dir, "next.json"), JSON.stringify({ plan: { value: { seats: 7 } } }));
    renameSync(join(dir, "next.json"), path);
    await eventually(() => bucket() === "default", "the renamed file");
    expect(handle.evaluate({ plan: "pro" } as never).value).toEqual({ seats: 7 });

    writeFileSync(path, '{"plan": 12}');
    await eventually(() => file.lastError !== undefined, "the refusal");
    expect(file.lastError).toContain("plan");
    expect(handle.evaluate({ plan: "pro" } as never).value).toEqual({ seats: 7 });

    unlinkSync(path);
    await eventually(() => bucket() === "pro", "the deletion");
    file.close();
  });

  it(`reads nothing unless ${OVERRIDES_ENV} is set`, async () => {
    const { store, handle } = storeWithPlan();
    expect(overridesFromEnvironment(store, {})).toBeUndefined();
    const path = join(dir, "o.json");
    writeFileSync(path, JSON.stringify({ plan: "team" }));
    const file = overridesFromEnvironment(store, { [OVERRIDES_ENV]: path })!;
    await file.loaded;
    expect(handle.evaluate({ plan: "pro" } as never).reason).toBe("OVERRIDE");
    file.close();
    expect(handle.evaluate({ plan: "pro" } as never).reason).toBe("TARGETING_MATCH");
  });
});
