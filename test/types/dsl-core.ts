/**
 * Type-level tests of the DSL, checked by `tsc --noEmit` in `npm test`. Each `@ts-expect-error`
 * fails the build if the line below it compiles; each `Equals` assertion fails it if the inferred
 * type is not exactly the expected one.
 */
import { c, ctx, eq, feature, hostname, lt, regex, sessionRandom, staticNumber } from "../../dsl";
import type { OfflineFeature } from "../../runtime";
import { test } from "../fixtures/sample/features/test";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

// The seed feature: values are the union of those given, buckets the union of names.
assertType<Equals<typeof test, OfflineFeature<boolean | 42, "holdout" | "control" | "", {}>>>();
assertType<Equals<ReturnType<typeof test.getBucketName>, "holdout" | "control" | "" | "default">>();

// Context keys read by rules become the feature's context type.
const targeted = feature("targeted")
  .bucket("fr", eq(ctx.string("country"), "FR"), "bonjour")
  .bucket("adult", ctx.number("age").ge(18).and(ctx.boolean("beta").eq(true)), "hi")
  .default("hello");
assertType<Equals<typeof targeted, OfflineFeature<"bonjour" | "hi" | "hello", "fr" | "adult", { readonly country: string; readonly age: number; readonly beta: boolean }>>>();
targeted.getValue({ country: "FR", age: 3, beta: false });
// @ts-expect-error the context is required when the feature reads it
targeted.getValue();
// @ts-expect-error a required context key is missing
targeted.getValue({ country: "FR", age: 3 });
// @ts-expect-error a context key of the wrong type
targeted.getValue({ country: "FR", age: "3", beta: false });
// @ts-expect-error a bucket name that does not exist
targeted.getValueForBucket("nope");

// A declared value type: values must fit it, and the feature returns it.
interface Banner {
  readonly text: string;
  readonly color: "red" | "blue";
}
const banner = feature("banner").valueType<Banner>().bucket("a", c.always(), { text: "x", color: "red" }).default({ text: "", color: "blue" });
assertType<Equals<ReturnType<typeof banner.getValue>, Banner>>();
// @ts-expect-error a value outside the declared type
feature("banner").valueType<Banner>().bucket("a", c.always(), { text: "x", color: "green" });

// @ts-expect-error the name "default" is reserved
feature("f").bucket("default", c.always(), 1);
// @ts-expect-error bucket names are unique
feature("f").bucket("a", c.always(), 1).bucket("a", c.always(), 2);
// @ts-expect-error ordering needs a number attribute
lt(hostname(), 1);
// @ts-expect-error regex needs a string attribute
regex(sessionRandom(), "^x");
// @ts-expect-error eq compares with the attribute's own type
eq(ctx.string("country"), 1);
// @ts-expect-error attribute-first ordering on a string attribute
hostname().lt(3);
// @ts-expect-error a number attribute has no regex
staticNumber(1).regex("1");
// @ts-expect-error .values() keys must be bucket names
feature("f").bucket("a", c.always()).values({ b: 1 });
// @ts-expect-error .values() can't come before the buckets it names
feature("f").values({ a: 1 });
