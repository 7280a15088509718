/*
 * Type-level tests, checked by `tsc --noEmit` in `npm test` (jest does not run this file). Each
 * `@ts-expect-error` fails the type-check if the line below it ever compiles; the other lines
 * must keep compiling.
 */
import { after, before, contains, ctx, feature, inBucket, unitRandom, endsWith, env, eq, ge, hostname, lt, ne, nodeVersion, noneOf, now, oneOf, platform, sessionRandom, startsWith } from "../../dsl";

/** Set membership: the list has the attribute's type. */
export function membership(): void {
  oneOf(ctx.string("country"), ["FR", "DE"]);
  noneOf(ctx.number("tier"), [1, 2]);
  ctx.boolean("beta").oneOf([true]);
  // @ts-expect-error a number attribute against strings
  oneOf(ctx.number("n"), ["a"]);
  // @ts-expect-error a string attribute against numbers
  noneOf(ctx.string("country"), [1]);
  // @ts-expect-error the method form checks the list too
  ctx.string("country").oneOf([1]);
}

/** String tests need a string attribute. */
export function strings(): void {
  startsWith(hostname(), "len");
  endsWith(ctx.string("email"), ".org");
  contains(ctx.string("agent"), "Mobile");
  ctx.string("email").startsWith("admin");
  // @ts-expect-error a number attribute has no prefix
  startsWith(sessionRandom(), "x");
  // @ts-expect-error the method form is refused too
  sessionRandom().contains("x");
  // @ts-expect-error the literal must be a string
  endsWith(ctx.string("email"), 3);
}

/** Process attributes keep their types. */
export function processAttributes(): void {
  env("DEPLOY_ENV").eq("staging");
  platform().oneOf(["linux", "darwin"]);
  now().gt(0);
  // @ts-expect-error not one of Node's platform names
  platform().eq("linx");
  // @ts-expect-error an environment variable is a string
  env("PORT").gt(8000);
  // @ts-expect-error time is compared with before/after or numerically, never for equality
  now().eq(0);
}

/** Versions compare with version literals, and only by precedence. */
export function versions(): void {
  ge(ctx.version("appVersion"), "2.1.0");
  ctx.version("appVersion").lt("3.0.0-rc.1");
  eq(nodeVersion(), "v20.1.0");
  lt(ctx.number("age"), 18);
  // @ts-expect-error a partial version is not a SemVer literal
  ge(ctx.version("appVersion"), "2.1");
  // @ts-expect-error a version is not compared with a number
  ctx.version("appVersion").gt(2);
  // @ts-expect-error a number is not compared with a version literal
  lt(ctx.number("age"), "1.0.0");
  // @ts-expect-error a version is not a scalar for set membership
  oneOf(ctx.version("appVersion"), ["1.0.0"]);
  // @ts-expect-error ne is for scalars; write eq(...).not() for versions
  ne(nodeVersion(), "20.0.0");
  // @ts-expect-error a version is not a string
  ctx.version("appVersion").startsWith("2.");
}

/** Time rules take time attributes and RFC 3339 literals. */
export function time(): void {
  before("2026-12-01T00:00:00Z");
  after(ctx.timestamp("signedUpAt"), "2026-01-01T00:00:00+01:00");
  now().after("2026-12-01T00:00:00Z");
  // @ts-expect-error a bare date is not an instant
  before("2026-12-01");
  // @ts-expect-error a session random is not a time
  before(sessionRandom(), "2026-12-01T00:00:00Z");
  // @ts-expect-error a context number is not a time either: use ctx.timestamp
  ctx.number("createdAt").after("2026-12-01T00:00:00Z");
}

/** Rollout units are strings or numbers, and the feature requires them in its context. */
export function rollouts(): void {
  unitRandom(ctx.string("userId")).lt(0.1);
  unitRandom(ctx.number("accountId"), "accounts").lt(0.1);
  sessionRandom("promo").lt(0.5);
  // @ts-expect-error a boolean is not a unit
  unitRandom(ctx.boolean("beta"));
  // @ts-expect-error a version is not a unit
  unitRandom(ctx.version("appVersion"));
  // @ts-expect-error a rollout number is not a string
  unitRandom(ctx.string("userId")).startsWith("0.");
  const rollout = feature("r").bucket("on", unitRandom(ctx.string("userId")).lt(0.1), true).default(false);
  rollout.evaluate({ userId: "u-1" });
  // @ts-expect-error the unit is required in the context
  rollout.evaluate();
  // @ts-expect-error and with its type
  rollout.evaluate({ userId: 1 });
}

/** Prerequisites name real buckets, and carry the prerequisite's context. */
export function prerequisites(): void {
  const test = feature("test").bucket("holdout", ctx.string("userId").eq("u-1"), true).bucket("control", ctx.number("n").gt(1), 42).default(false);
  inBucket(test, "holdout");
  inBucket(test, "control", "default");
  // @ts-expect-error not a bucket of test
  inBucket(test, "nope");
  // @ts-expect-error at least one bucket name
  inBucket(test);
  const dependent = feature("dependent").bucket("on", inBucket(test, "holdout"), true).default(false);
  dependent.evaluate({ userId: "u-1", n: 2 });
  // @ts-expect-error the prerequisite's context keys are required by the dependent feature
  dependent.evaluate({ userId: "u-1" });
}

/** A segment constant carries its context type into every feature that uses it. */
export function segments(): void {
  const internalUsers = ctx.string("email").endsWith("@example.com");
  const darkMode = feature("dark_mode").bucket("internal", internalUsers, true).default(false);
  darkMode.getValue({ email: "a@example.com" });
  // @ts-expect-error the segment's key is required
  darkMode.getValue({});
}
