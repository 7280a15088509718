/*
 * Type-level tests of the generated getters: a small application written against the generated/
 * of the test fixture project test/fixtures/sample (a copy of the bundled example, so the library's
 * tests do not depend on the example).
 * `tsc --noEmit` (the first step of `npm test`) compiles this file; each `@ts-expect-error` fails
 * the build if the line it marks stops being an error. Nothing here runs.
 */
import type { Reason } from "../../runtime";
import { getTest, getTestDetails, getWelcome, getWelcomeDetails, store, type TestBucket, type TestValue, type WelcomeBucket, type WelcomeValue } from "../fixtures/sample/generated";
import type { Banner } from "../fixtures/sample/features/welcome";
import type { Equals } from "./equals";

// The value type comes from the feature's definition, the buckets from its names plus "default".
const testValue: Equals<TestValue, boolean | 42> = true;
const testBucket: Equals<TestBucket, "holdout" | "control" | "" | "default"> = true;
const welcomeValue: Equals<WelcomeValue, Banner> = true;
const welcomeBucket: Equals<WelcomeBucket, "france" | "adults" | "default"> = true;

export function application(): void {
  // A feature that reads no context takes an optional one; ambient overrides are accepted.
  const value: boolean | 42 = getTest();
  getTest({ hostname: "lenovo-7", sessionRandom: 0.05 });
  // @ts-expect-error TestValue is boolean | 42, not a string.
  const asString: string = getTest();

  const details = getTestDetails({ sessionId: "user-1" });
  const reason: Reason = details.reason;
  if (details.bucket === "holdout" || details.bucket === "default") console.log(details.value);
  // @ts-expect-error "holdout2" is not a bucket of `test`.
  if (details.bucket === "holdout2") console.log("never");

  // A feature that reads context requires exactly those keys, with their types.
  const banner: Banner = getWelcome({ country: "FR", age: 30, newsletter: true });
  // @ts-expect-error `age` and `newsletter` are required: the rules read them.
  getWelcome({ country: "FR" });
  // @ts-expect-error the context is required when the feature reads one.
  getWelcome();
  // @ts-expect-error `age` is read as a number; values are never coerced.
  getWelcome({ country: "FR", age: "30", newsletter: true });
  const color: "blue" | "red" | "green" = getWelcomeDetails({ country: "DE", age: 17, newsletter: false, hostname: "web-1" }).value.color;
  // @ts-expect-error "france" is a bucket, "germany" is not.
  if (getWelcomeDetails({ country: "DE", age: 17, newsletter: false }).bucket === "germany") console.log("never");

  // Per-call hooks: a second parameter after the context (undefined when the context is optional).
  const exposure = { hooks: [{ after: (key: string) => console.log(key) }] } as const;
  getTest(undefined, exposure);
  getWelcomeDetails({ country: "FR", age: 30, newsletter: true }, exposure);
  // @ts-expect-error a hook's `after` takes the key first, not the details.
  getTest(undefined, { hooks: [{ after: (details: { bucket: string }) => console.log(details.bucket) }] });
  // @ts-expect-error hooks are a list.
  getTest(undefined, { hooks: { before: () => undefined } });

  // The store is exported for the application to replace at start-up.
  const replaced = store.replace("{}");
  console.log(testValue, testBucket, welcomeValue, welcomeBucket, value, asString, reason, banner, color, replaced);
}
