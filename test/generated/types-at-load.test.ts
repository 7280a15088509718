import * as E from "fp-ts/Either";
import bundle from "../fixtures/sample/generated/features.json";
import { getWelcome, getWelcomeDetails, store } from "../fixtures/sample/generated";
import { bundleHash, type FeatureModel } from "../../runtime";

/*
 * The generated getters promise their value types at run time too: `getWelcome()` is typed
 * `Banner`, so the store the generated code uses refuses a bundle (hash recomputed, so it is
 * otherwise valid) in which a welcome value is not a Banner, and keeps serving the one it had.
 */

const france = { country: "FR", age: 30, newsletter: false };

/** The generated bundle with `edit` applied to the welcome feature, its hash recomputed. */
function edited(edit: (welcome: { buckets: { value: unknown }[]; default: unknown }) => void): unknown {
  const copy = JSON.parse(JSON.stringify(bundle)) as { hash: string; features: Record<string, FeatureModel> };
  edit(copy.features.welcome as unknown as { buckets: { value: unknown }[]; default: unknown });
  copy.hash = bundleHash(copy.features);
  return copy;
}

it("a bundle whose welcome value is not a Banner is refused whole; the getter keeps its Banner", () => {
  const before = store.hash;
  const result = store.replace(edited((w) => (w.buckets[0]!.value = 12)), "https://flags.example/features.json");
  expect(E.isLeft(result) && result.left.message).toBe(
    "invalid feature bundle in https://flags.example/features.json:\nfeatures.welcome.buckets[0].value: expected Banner, found 12",
  );
  expect(store.hash).toBe(before);
  expect(getWelcome(france)).toEqual({ text: "Bienvenue", color: "blue" });
});

it("a default outside the literal union is refused too; a fitting edit is accepted", () => {
  const wrong = store.replace(edited((w) => (w.default = { text: "Hi", color: "purple" })));
  expect(E.isLeft(wrong) && wrong.left.issues.map((i) => i.path)).toEqual(["features.welcome.default"]);
  const fits = store.replace(edited((w) => (w.buckets[0]!.value = { text: "Salut", color: "green" })));
  expect(E.isRight(fits)).toBe(true);
  expect(getWelcomeDetails(france)).toMatchObject({ value: { text: "Salut", color: "green" }, bucket: "france" });
  expect(E.isRight(store.replace(bundle))).toBe(true);
});
