/*
 * Type-level test of `gen --openfeature`: an application written against the real
 * @openfeature/server-sdk client, with the generated openfeature-keys.d.ts of the features in
 * test/codegen/output/openfeature-keys.test.ts. That test compiles this file with the declaration
 * (in its own program: the augmentation narrows the SDK's types for a whole program, so it is kept
 * out of the repository's `tsc`, see tsconfig.json) and requires no error: each `@ts-expect-error`
 * must mark a real one. Compiled without the declaration, exactly those lines compile, which the
 * test checks too. Nothing here runs.
 */
import { OpenFeature, type Client } from "@openfeature/server-sdk";

export async function application(client: Client = OpenFeature.getClient()): Promise<void> {
  // Each kind's methods take the keys of the features whose values are all of that kind.
  const dark: boolean = await client.getBooleanValue("dark-mode", false);
  const theme = await client.getStringDetails("theme", "light", { targetingKey: "user-1" });
  const limit: number = await client.getNumberValue("limit", 10);
  const banner = await client.getObjectValue("banner", { text: "hi" });

  // @ts-expect-error a typo: "dark-mdoe" is no feature.
  await client.getBooleanValue("dark-mdoe", false);
  // @ts-expect-error "theme" answers strings: getBooleanValue does not take it.
  await client.getBooleanValue("theme", false);
  // @ts-expect-error "dark-mode" answers booleans, not objects.
  await client.getObjectDetails("dark-mode", {});
  // @ts-expect-error "limit" answers numbers, not strings.
  await client.getStringValue("limit", "");
  // @ts-expect-error "mixed" answers true or 42: no single method fits it, so none takes it.
  await client.getBooleanValue("mixed", false);
  // @ts-expect-error nor the object method.
  await client.getObjectValue("mixed", {});

  console.log(dark, theme.value, limit, banner);
}
