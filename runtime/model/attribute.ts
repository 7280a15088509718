import * as t from "io-ts";
import { checkedString, node, taggedUnion } from "./tagged";

/*
 * Attributes are the inputs a classifier reads. Each is a tagged record, exactly as the JSON
 * writes it; the runtime compiles each tag to a getter (see runtime/compile/attributes/).
 */

/** A context attribute name: the key read from the evaluation context. */
export const ContextNameC = checkedString("ContextName", (s) =>
  /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) ? undefined : `expected a context attribute name like "userId", found ${JSON.stringify(s)}`,
);

/** A fixed number (PyOF `static.number`). */
export const StaticNumberC = node("static.number", { __type: t.literal("static.number"), value: t.number });
/** The machine's hostname (PyOF `socket.hostname`). Read once per process; the context may override it. */
export const HostnameC = node("socket.hostname", { __type: t.literal("socket.hostname") });
/**
 * A uniform number in [0, 1) fixed for the session (PyOF `random.session`). The session is the
 * process unless the context carries `sessionId` (hashed) or `sessionRandom` (taken as is).
 */
export const SessionRandomC = node("random.session", { __type: t.literal("random.session") });
/** Always fails to evaluate. It exists so error handling can be tested end to end (PyOF `error`). */
export const ErrorAttributeC = node("error", { __type: t.literal("error") });
/** A string read from the evaluation context under `name`. */
export const ContextStringC = node("context.string", { __type: t.literal("context.string"), name: ContextNameC });
/** A finite number read from the evaluation context under `name`. */
export const ContextNumberC = node("context.number", { __type: t.literal("context.number"), name: ContextNameC });
/** A boolean read from the evaluation context under `name`. */
export const ContextBooleanC = node("context.boolean", { __type: t.literal("context.boolean"), name: ContextNameC });

/** An environment variable name, as POSIX shells write them. */
export const EnvNameC = checkedString("EnvName", (s) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? undefined : `expected an environment variable name like "DEPLOY_ENV", found ${JSON.stringify(s)}`,
);

/** The value of environment variable `name`, read once when the feature loads. */
export const EnvC = node("process.env", { __type: t.literal("process.env"), name: EnvNameC });
/** Node's `process.platform` ("linux", "darwin", "win32", …); the context's `platform` overrides it. */
export const PlatformC = node("process.platform", { __type: t.literal("process.platform") });
/** The current time in milliseconds since the epoch, read on each evaluation; the context's `now` overrides it. */
export const NowC = node("time.now", { __type: t.literal("time.now") });

/** Every attribute, by tag. Adding one here makes the compiler ask for its getter and DSL function. */
export const attributeCodecs = {
  "static.number": StaticNumberC,
  "socket.hostname": HostnameC,
  "random.session": SessionRandomC,
  error: ErrorAttributeC,
  "context.string": ContextStringC,
  "context.number": ContextNumberC,
  "context.boolean": ContextBooleanC,
  "process.env": EnvC,
  "process.platform": PlatformC,
  "time.now": NowC,
} as const;

/** io-ts codec for {@link Attribute}. */
export const AttributeC = taggedUnion("Attribute", "attribute", attributeCodecs);

/** An attribute node: the closed union of every attribute record. */
export type Attribute = t.TypeOf<typeof AttributeC>;
/** The `__type` tag of an attribute. */
export type AttributeTag = Attribute["__type"];
/** The attribute record with tag `K`. */
export type AttributeOf<K extends AttributeTag> = Extract<Attribute, { readonly __type: K }>;
/** The attributes that read the evaluation context, and so type the generated getter's parameter. */
export type ContextAttribute = AttributeOf<"context.string" | "context.number" | "context.boolean">;
