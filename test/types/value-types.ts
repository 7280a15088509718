/*
 * Type-level tests of bucket values typed the way TypeScript developers write them: interfaces
 * and type aliases through `as T`, `satisfies T`, `.valueType<T>()` or a typed variable, with no
 * index signature needed; what is not JSON fails to compile with a message naming the property;
 * undeclared values are typed like an ordinary `const`. Checked by `tsc --noEmit`; nothing runs.
 */
import { c, ctx, feature } from "../../dsl";
import type { DslError, JsonCheck } from "../../dsl";
import type { Equals } from "./equals";

/** An interface has no index signature: `JsonValue` would refuse it. */
export interface Banner {
  title: string;
  color: "red" | "blue";
  subtitle?: string;
}
export type Layout = { readonly columns: number; readonly sidebar: boolean };
type ValueOf<F> = F extends { getValue(...args: never[]): infer V } ? V : never;

export function declaredTypes(): void {
  const viaAs = feature("banner_as")
    .bucket("fr", ctx.string("country").eq("FR"), { title: "Bonjour", color: "red" } as Banner)
    .default({ title: "Hello", color: "blue" } as Banner);
  const asType: Equals<ValueOf<typeof viaAs>, Banner> = true;

  const viaValueType = feature("banner_declared").valueType<Banner>().bucket("fr", c.always(), { title: "Bonjour", color: "red" }).default({ title: "Hello", color: "blue" });
  const declared: Equals<ValueOf<typeof viaValueType>, Banner> = true;

  const typed: Banner = { title: "Hello", color: "blue", subtitle: "optional properties may be absent" };
  const viaVariable = feature("banner_variable").bucket("a", c.always(), typed).default(typed);
  const variable: Equals<ValueOf<typeof viaVariable>, Banner> = true;

  const viaSatisfies = feature("layout").bucket("wide", c.always(), { columns: 3, sidebar: true } satisfies Layout).default({ columns: 1, sidebar: false } satisfies Layout);
  // `satisfies` keeps the expression's own type; every member fits Layout.
  const satisfied: ValueOf<typeof viaSatisfies> extends Layout ? true : false = true;
  console.log(asType, declared, variable, satisfied);
}

export function inferredTypes(): void {
  // Top-level scalars stay literal unions over the buckets.
  const plan = feature("plan").bucket("pro", ctx.string("tier").eq("pro"), "gold").default("basic");
  const planType: Equals<ValueOf<typeof plan>, "gold" | "basic"> = true;
  const flag = feature("flag").bucket("on", c.always(), true).default(false);
  const flagType: Equals<ValueOf<typeof flag>, boolean> = true;
  const limit = feature("limit").bucket("big", c.always(), 100).default(10);
  const limitType: Equals<ValueOf<typeof limit>, 100 | 10> = true;

  // Inside objects and arrays they widen, as for an ordinary `const`.
  const search = feature("search")
    .bucket("eu", ctx.string("country").oneOf(["FR", "DE"]), { pageSize: 50, facets: ["brand", "price"] })
    .default({ pageSize: 20, facets: ["brand"] });
  const searchType: Equals<ValueOf<typeof search>, { pageSize: number; facets: string[] }> = true;
  const cfg = search.getValue({ country: "FR" });
  const wanted: string = "price";
  const has: boolean = cfg.facets.includes(wanted);
  const list = feature("list").bucket("a", c.always(), ["x", "y"]).default([]);
  const listType: Equals<ValueOf<typeof list>, string[] | never[]> = true;

  // PyOF's earlier form: `.values()` keeps top-level literals, widens inside.
  const legacy = feature("legacy").bucket("a", c.always()).bucket("b", c.always()).values({ a: "x", b: { n: 1 } }).default("y");
  const legacyType: Equals<ValueOf<typeof legacy>, "x" | { n: number } | "y"> = true;
  console.log(planType, flagType, limitType, searchType, has, listType, legacyType);
}

class Money {
  constructor(readonly cents: number) {}
  format(): string {
    return `${this.cents / 100}`;
  }
}

export function notJson(): void {
  // @ts-expect-error value.onClick is a function, which JSON cannot hold
  feature("f").bucket("a", c.always(), { title: "x", onClick: () => undefined });
  // @ts-expect-error value.startsAt is a Date
  feature("f").default({ startsAt: new Date(0) });
  // @ts-expect-error value is undefined
  feature("f").default(undefined);
  // @ts-expect-error value.limits[].max is a bigint
  feature("f").default({ limits: [{ max: 10n }] });
  // @ts-expect-error value.price is a class instance (its method is a function)
  feature("f").default({ price: new Money(100) });
  // @ts-expect-error a required property that is undefined
  feature("f").default({ title: undefined });
  // @ts-expect-error unknown promises nothing
  feature("f").default(JSON.parse("1") as unknown);
  // @ts-expect-error a declared type that is not JSON fails at its first value
  feature("f").valueType<{ at: Date }>().default({ at: new Date(0) });
  // @ts-expect-error a declared type's optional function property fails too: the type is checked, not only the value
  feature("f").valueType<{ title: string; run?: () => void }>().default({ title: "x" });
  // @ts-expect-error a value of a declared type has no property the type lacks (the getter could not type it)
  feature("f").valueType<Banner>().default({ title: "x", color: "red", extra: 1 });
  // @ts-expect-error values.a.run is a function
  feature("f").bucket("a", c.always()).values({ a: { run: () => 1 } });
}

// The messages themselves: the property is named, not `never`.
const functionMessage: Equals<JsonCheck<{ title: string; onClick: () => void }>, DslError<"value.onClick is a function, which JSON cannot hold">> = true;
const dateMessage: Equals<JsonCheck<{ a: { at: Date }[] }>, DslError<"value.a[].at is a Date, which JSON cannot hold (use an ISO 8601 string or epoch milliseconds)">> = true;
const jsonPasses: Equals<JsonCheck<Banner>, unknown> = true;
type Tree = { readonly name: string; readonly children: readonly Tree[] };
const recursivePasses: Equals<JsonCheck<Tree>, unknown> = true;
console.log(functionMessage, dateMessage, jsonPasses, recursivePasses);
