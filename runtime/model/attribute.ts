import * as t from "io-ts";
import { AMBIENT_KEYS } from "../evaluate/context";
import { TAG, checkedString, node, nodeWithOptional, taggedUnion } from "../decode/tagged-union";

/*
 * Attributes are the inputs a classifier reads. Each is a tagged record, exactly as the JSON
 * writes it; the runtime compiles each tag to a getter (see runtime/compile/attributes/).
 */

/** A context attribute name: the key read from the evaluation context. */
export const ContextNameC = checkedString("ContextName", contextNameProblem);

/**
 * Why `name` cannot name a context attribute, or undefined. Ambient override names are taken, and
 * so are names every object inherits (`constructor`, `toString`, …): a context without the key
 * would read the inherited member instead of reporting the key missing.
 */
export function contextNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
    return `expected a context attribute name like "userId" (letters, digits, _ . -; not starting with a digit), found ${JSON.stringify(name)}`;
  }
  if ((AMBIENT_KEYS as readonly string[]).includes(name)) return `the context attribute name ${JSON.stringify(name)} is reserved for the ambient override of the same name`;
  if (name in Object.prototype) return `the context attribute name ${JSON.stringify(name)} is reserved: every JavaScript object inherits a member of that name`;
  return undefined;
}

/** A number JSON can write: NaN and the infinities would be written as `null` and not read back. */
const FiniteNumberC = new t.Type<number, number, unknown>(
  "finite number",
  (u): u is number => typeof u === "number" && Number.isFinite(u),
  (u, c) => (typeof u === "number" && Number.isFinite(u) ? t.success(u) : t.failure(u, c, `expected a finite number, found ${typeof u === "number" ? String(u) : JSON.stringify(u) ?? typeof u}`)),
  t.identity,
);

/** A fixed number (PyOF `static.number`). */
export const StaticNumberC = node("static.number", { __type: t.literal("static.number"), value: FiniteNumberC });
/** The machine's hostname (PyOF `socket.hostname`). Read once per process; the context may override it. */
export const HostnameC = node("socket.hostname", { __type: t.literal("socket.hostname") });
/** A rollout salt: the text hashed before the unit, so that features bucket independently. */
export const SaltC = checkedString("Salt", (s) => (s.length > 0 ? undefined : "expected a non-empty salt (leave it out to use the feature key)"));

/**
 * A uniform number in [0, 1) fixed for the session (PyOF `random.session`). The session is the
 * process unless the context carries `sessionId` (hashed) or `sessionRandom` (taken as is).
 * Without `salt`, every feature shares the session's one number (PyOF); with it, the number is
 * `murmur3(salt + ":" + sessionId)`, so features with different salts draw independently.
 */
export const SessionRandomC = nodeWithOptional("random.session", { __type: t.literal("random.session") }, { salt: SaltC });
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
/** Node's `process.platform` ("linux", "darwin", "win32", …); the context's `processPlatform` overrides it. */
export const PlatformC = node("process.platform", { __type: t.literal("process.platform") });
/** The current time in milliseconds since the epoch, read on each evaluation; the context's `now` overrides it. */
export const NowC = node("time.now", { __type: t.literal("time.now") });

/**
 * A SemVer 2.0 version read from the evaluation context under `name` (an app or client version).
 * A string that is not a version is a type mismatch, never coerced.
 */
export const ContextVersionC = node("context.version", { __type: t.literal("context.version"), name: ContextNameC });
/** The running Node version (`process.versions.node`), as a SemVer; the context's `nodeVersion` overrides it. */
export const NodeVersionC = node("process.node_version", { __type: t.literal("process.node_version") });

/**
 * An instant read from the evaluation context under `name`: an RFC 3339 string with a time zone
 * ("2026-12-01T09:30:00Z") or a number of milliseconds since the epoch.
 */
export const ContextTimestampC = node("context.timestamp", { __type: t.literal("context.timestamp"), name: ContextNameC });

/**
 * A sticky rollout number in [0, 1): `murmur3_x86_32(utf8(salt + ":" + unit)) / 2^32`, where the
 * unit is the value of `attribute` (a user or device id; numbers as their JavaScript string).
 * Without `salt`, the feature's key is the salt.
 */
export interface UnitRandomNode {
  readonly __type: "random.unit";
  readonly attribute: Attribute;
  readonly salt?: string;
}

/** A reference to {@link AttributeC} that resolves lazily, for attributes that hold attributes. */
const ChildAttributeC: t.Type<Attribute, Attribute, unknown> = t.recursion("Attribute", () => AttributeC);

/** io-ts codec for {@link UnitRandomNode}. */
export const UnitRandomC: t.Type<UnitRandomNode, UnitRandomNode, unknown> = nodeWithOptional(
  "random.unit",
  { __type: t.literal("random.unit"), attribute: ChildAttributeC },
  { salt: SaltC },
);

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
  "context.version": ContextVersionC,
  "process.node_version": NodeVersionC,
  "context.timestamp": ContextTimestampC,
  "random.unit": UnitRandomC,
} as const;

/** An attribute node: the closed union of every attribute record. */
export type Attribute = t.TypeOf<(typeof attributeCodecs)[Exclude<keyof typeof attributeCodecs, "random.unit">]> | UnitRandomNode;

/** io-ts codec for {@link Attribute}. */
export const AttributeC: t.Type<Attribute, Attribute, unknown> = t.recursion("Attribute", () =>
  taggedUnion("Attribute", "attribute", attributeCodecs),
);
/** The `__type` tag of an attribute. */
export type AttributeTag = Attribute["__type"];
/** The attribute record with tag `K`. */
export type AttributeOf<K extends AttributeTag> = Extract<Attribute, { readonly __type: K }>;
/** The attributes that read the evaluation context, and so type the generated getter's parameter. */
export type ContextAttribute = AttributeOf<"context.string" | "context.number" | "context.boolean" | "context.version" | "context.timestamp">;

/**
 * The TypeScript type a context attribute requires in the evaluation context, for generated
 * getters: a version is passed as its string.
 */
export const contextValueType: { readonly [K in ContextAttribute["__type"]]: string } = {
  "context.string": "string",
  "context.number": "number",
  "context.boolean": "boolean",
  "context.version": "string",
  "context.timestamp": "string | number",
};

function isRecord(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/**
 * A union of some attributes, for operators that need a particular kind of value (semver
 * operators need a version). An attribute of another kind gets a message that says what kind
 * was needed, rather than "unknown attribute".
 */
function attributeSubset<M extends Readonly<Record<string, t.Mixed>>>(name: string, noun: string, members: M) {
  const inner = taggedUnion(name, noun, members);
  const names = Object.keys(members).sort().join(", ");
  return new t.Type<t.TypeOf<M[keyof M]>, t.OutputOf<M[keyof M]>, unknown>(
    name,
    inner.is,
    (u, c) => {
      const tag = isRecord(u) ? u[TAG] : undefined;
      if (typeof tag === "string" && !Object.prototype.hasOwnProperty.call(members, tag) && Object.prototype.hasOwnProperty.call(attributeCodecs, tag)) {
        return t.failure(tag, t.appendContext(c, TAG, t.string, tag), `expected a ${noun} (one of ${names}), found the attribute "${tag}"`);
      }
      return inner.validate(u, c);
    },
    inner.encode,
  );
}

/** The attributes that yield a version, which the `semver.*` operators compare. */
export const versionAttributeCodecs = {
  "context.version": ContextVersionC,
  "process.node_version": NodeVersionC,
} as const;
/** io-ts codec for {@link VersionAttribute}. */
export const VersionAttributeC = attributeSubset("VersionAttribute", "version attribute", versionAttributeCodecs);
/** An attribute that yields a version. */
export type VersionAttribute = t.TypeOf<typeof VersionAttributeC>;
/** True when the attribute yields a version (so the DSL writes `semver.*` rather than `comparison.*`). */
export function isVersionAttribute(attribute: Attribute): attribute is VersionAttribute {
  return Object.prototype.hasOwnProperty.call(versionAttributeCodecs, attribute.__type);
}

/** The attributes that yield an instant (epoch milliseconds), which `time.before` / `time.after` compare. */
export const timeAttributeCodecs = {
  "time.now": NowC,
  "context.timestamp": ContextTimestampC,
} as const;
/** io-ts codec for {@link TimeAttribute}. */
export const TimeAttributeC = attributeSubset("TimeAttribute", "time attribute", timeAttributeCodecs);
/** An attribute that yields an instant. */
export type TimeAttribute = t.TypeOf<typeof TimeAttributeC>;
