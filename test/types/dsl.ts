/*
 * Type-level tests of the DSL: misuse must not compile, and inferred types must be exact.
 * Compiled by `tsc --noEmit` in `npm test`; nothing here runs (the definitions would throw).
 */
import { c, ctx, eq, feature, hostname, lt, regex, sessionRandom, staticNumber } from "../../dsl";
import type { OfflineFeature } from "../../runtime";
import type { Equals } from "./equals";

export function misuse(): void {
  // @ts-expect-error "default" is reserved for the feature's default.
  feature("f").bucket("default", lt(sessionRandom(), 0.5), true);
  // @ts-expect-error a bucket name may be used once.
  feature("f").bucket("a", lt(sessionRandom(), 0.5), true).bucket("a", lt(sessionRandom(), 0.2), false);
  // @ts-expect-error hostname is a string: it cannot be ordered against a number.
  lt(hostname(), 1);
  // @ts-expect-error the session random is a number: no regex over it.
  regex(sessionRandom(), "x");
  // @ts-expect-error a string context attribute compares with strings only.
  eq(ctx.string("a"), 1);
  // @ts-expect-error attribute-first comparisons are typed the same way.
  hostname().lt(3);
  // @ts-expect-error values must fit the declared value type.
  feature("f").valueType<{ readonly n: number }>().bucket("a", lt(sessionRandom(), 0.5), { n: "x" });
  // @ts-expect-error .values() may only name buckets.
  feature("f").bucket("a", lt(sessionRandom(), 0.5)).values({ b: 1 });
}

export function inference(): void {
  const f = feature("f")
    .bucket("on", c.all(lt(sessionRandom(), 0.1), regex(hostname(), "^len")), true)
    .bucket("mid", eq(staticNumber(3), 3), 42)
    .default(false);
  const fType: Equals<typeof f, OfflineFeature<boolean | 42, "on" | "mid", {}>> = true;

  const g = feature("g")
    .bucket("fr", eq(ctx.string("country"), "FR"), "bonjour")
    .bucket("adult", ctx.number("age").ge(18), "hello")
    .default("hi");
  type GContext = typeof g extends OfflineFeature<unknown, string, infer C> ? C : never;
  const gContext: Equals<GContext, { readonly country: string; readonly age: number }> = true;
  const gValue: Equals<ReturnType<typeof g.getValue>, "bonjour" | "hello" | "hi"> = true;
  // @ts-expect-error g reads context, so evaluate needs it.
  g.evaluate();
  console.log(fType, gContext, gValue);
}
