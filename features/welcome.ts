import { feature, ctx, eq, ge, c } from "../dsl";

/** The welcome banner's configuration. */
export interface Banner {
  readonly text: string;
  readonly color: "blue" | "red" | "green";
}

/** A configuration that depends on the request: the generated `getWelcome` requires `{ country, age }`. */
export const welcome = feature("welcome")
  .description("Welcome banner, by country and age")
  .valueType<Banner>()
  .bucket("france", eq(ctx.string("country"), "FR"), { text: "Bienvenue", color: "blue" })
  .bucket("adults", c.all(ge(ctx.number("age"), 18), ctx.boolean("newsletter").eq(true)), { text: "Welcome back", color: "green" })
  .default({ text: "Welcome", color: "red" });
