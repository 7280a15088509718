import fc from "fast-check";

/*
 * Random feature documents over the whole vocabulary, for property tests. Mostly well-formed, with
 * a sprinkling of junk (wrong types, invalid literals, unknown tags) so that both the codec's
 * acceptance and its refusals are exercised. Generated as plain JSON-like values, exactly what a
 * hand-written file would parse to.
 */

/** Usually `arb`, sometimes any JSON value. */
const junky = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: arb, weight: 12 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 });

/** Mostly one of `valid`, sometimes one of `invalid`. */
const mostly = <T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 10 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });

/** Context names a rule may read (and the random contexts set). */
export const CONTEXT_NAMES = ["userId", "country", "plan", "appVersion", "signedUpAt", "n", "beta"] as const;
/** Feature keys prerequisites may name: some resolvable, some not, one not a key at all. */
export const PREREQUISITE_KEYS = ["gate", "missing", "late", "generated", "bad-key"] as const;

const contextName = junky(mostly<string>(CONTEXT_NAMES, ["9bad"]));
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const version = junky(mostly(["1.0.0", "2.1.0-rc.1", "v3.0.0+build", "0.0.0-0"], ["2.1", "01.0.0", ""]));
const instant = junky(mostly(["2026-12-01T00:00:00Z", "2026-12-01T09:30:00.5+02:00", "1970-01-01T00:00:00z"], ["2026-12-01", "2026-02-30T00:00:00Z"]));
const salt = mostly(["s", "golden", "a:b"], [""]);

const named = (tag: string) => fc.record({ __type: fc.constant(tag), name: contextName });
const versionAttribute = fc.oneof(named("context.version"), fc.constant({ __type: "process.node_version" }));
const timeAttribute = fc.oneof(named("context.timestamp"), fc.constant({ __type: "time.now" }));

const leafAttribute = fc.oneof(
  fc.record({ __type: fc.constant("static.number"), value: junky(fc.double({ noNaN: true, noDefaultInfinity: true })) }),
  fc.constantFrom({ __type: "socket.hostname" }, { __type: "error" }, { __type: "process.platform" }, { __type: "time.now" }, { __type: "process.node_version" }),
  fc.record({ __type: fc.constant("random.session"), salt }, { requiredKeys: ["__type"] }),
  fc.constantFrom("context.string", "context.number", "context.boolean", "context.version", "context.timestamp").chain(named),
  fc.record({ __type: fc.constant("process.env"), name: junky(mostly(["HOME", "OFFLINE_FEATURES_UNSET"], ["bad-name"])) }),
);
const attributeOrTypo = fc.oneof({ arbitrary: leafAttribute, weight: 20 }, { arbitrary: fc.constant({ __type: "context.strin", name: "userId" }), weight: 1 });

const { attribute } = fc.letrec<{ attribute: unknown }>((tie) => ({
  attribute: fc.oneof(
    { maxDepth: 3, depthIdentifier: "attribute" },
    attributeOrTypo,
    fc.record({ __type: fc.constant("random.unit"), attribute: tie("attribute"), salt }, { requiredKeys: ["__type", "attribute"] }),
  ),
}));

const leafClassifier = fc.oneof(
  fc.record({ __type: fc.constantFrom("comparison.lt", "comparison.lte", "comparison.gt", "comparison.gte", "comparison.eq", "comparison.ne"), attribute, value: junky(scalar) }),
  fc.record({ __type: fc.constant("re.match"), attribute, value: junky(mostly(["^a", "b+", "", "\\d"], ["("])) }),
  fc.record({ __type: fc.constantFrom("comparison.in", "comparison.notin"), attribute, value: junky(fc.array(scalar, { maxLength: 4 })) }),
  fc.record({ __type: fc.constantFrom("str.startswith", "str.endswith", "str.contains"), attribute, value: junky(fc.string({ maxLength: 3 })) }),
  fc.record({
    __type: fc.constantFrom("semver.lt", "semver.lte", "semver.gt", "semver.gte", "semver.eq"),
    attribute: fc.oneof({ arbitrary: versionAttribute, weight: 5 }, { arbitrary: attribute, weight: 1 }),
    value: version,
  }),
  fc.record({
    __type: fc.constantFrom("time.before", "time.after"),
    attribute: fc.oneof({ arbitrary: timeAttribute, weight: 5 }, { arbitrary: attribute, weight: 1 }),
    value: instant,
  }),
  fc.record({ __type: fc.constant("feature.in_bucket"), feature: fc.constantFrom<string>(...PREREQUISITE_KEYS), value: junky(fc.array(fc.constantFrom("eu", "us", "default", ""), { minLength: 1, maxLength: 3 })) }),
);
const leafOrTypo = fc.oneof({ arbitrary: leafClassifier, weight: 20 }, { arbitrary: fc.constant({ __type: "comparison.lte2", attribute: { __type: "time.now" }, value: 1 }), weight: 1 });

const noneLiteral = fc.oneof(scalar, fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxLength: 2 }));

/** A classifier tree over the whole vocabulary. */
export const { classifier } = fc.letrec<{ classifier: unknown }>((tie) => ({
  classifier: fc.oneof(
    { maxDepth: 3, depthIdentifier: "classifier" },
    leafOrTypo,
    fc.record({ __type: fc.constantFrom("bool.all", "bool.any"), value: fc.array(tie("classifier"), { maxLength: 3 }) }),
    fc.record({ __type: fc.constant("bool.none"), value: fc.oneof(tie("classifier"), noneLiteral) }),
  ),
}));

const bucket = (withValue: boolean) =>
  fc.record(
    { name: junky(mostly(["a", "b", "c", ""], ["default"])), classifier, value: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: withValue ? ["name", "classifier", "value"] : ["name", "classifier"] },
  );

const common = {
  type: junky(fc.constant("offline-feature")),
  description: fc.string({ maxLength: 8 }),
  python_versions: junky(fc.array(mostly(["all", "py3.12", "py3"], ["3.12"]), { maxLength: 2 })),
  node_versions: junky(mostly([">=20", ">=18", "20.x || >=21", "^18 || >=20", "*", "<20"], ["latest", "1 - 2"])),
  default: fc.jsonValue({ maxDepth: 2 }),
};

/** Buckets, usually with distinct names (duplicates are a decode error worth hitting sometimes). */
const buckets = <T extends { name: unknown }>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.uniqueArray(arb, { selector: (b) => JSON.stringify(b.name), maxLength: 4 }), weight: 8 }, { arbitrary: fc.array(arb, { maxLength: 4 }), weight: 1 });

/** A feature document in PyOF's current form (values on buckets, some left out). */
const currentForm = fc.record({ ...common, buckets: buckets(bucket(false)) }, { requiredKeys: ["type", "buckets"] });

/** A feature document in PyOF's earlier form (a top-level values map). */
const earlierForm = fc.record(
  { ...common, buckets: buckets(bucket(false).map(({ name, classifier: c }) => ({ name, classifier: c }))), values: fc.dictionary(fc.constantFrom("a", "b", "c", "z"), fc.jsonValue({ maxDepth: 1 })) },
  { requiredKeys: ["type", "buckets", "values"] },
);

/** A feature document in either of PyOF's forms. */
export const featureDocument: fc.Arbitrary<Record<string, unknown>> = fc.oneof(currentForm, earlierForm);

/** A context value of any kind a caller might pass: right types, wrong types, NaN, nothing. */
const contextValue = fc.oneof(
  { arbitrary: fc.constantFrom("", "FR", "user-1", "2.1.0", "v1.0.0-rc.1", "2026-12-01T00:00:00Z", "2.1", "b", "a"), weight: 6 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 2 },
  { arbitrary: fc.oneof(fc.double(), fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, 1796083200000)), weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
);

/** Usually a value of the right kind for the key, sometimes anything. */
const typed = <T>(plausible: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: contextValue, weight: 1 });
const anyString = fc.oneof(fc.constantFrom("", "a", "b", "FR", "user-1"), fc.string({ maxLength: 4 }));

const values: Record<string, fc.Arbitrary<unknown>> = {
  userId: typed(anyString),
  country: typed(anyString),
  plan: typed(anyString),
  appVersion: typed(fc.constantFrom("1.0.0", "2.1.0-rc.1", "2.1.0", "v3.0.0", "2.1", "")),
  signedUpAt: typed(fc.constantFrom("2026-12-01T00:00:00Z", "2026-11-30T23:59:59.999+01:00", "2026-12-01", 1796083200000, 0)),
  n: typed(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }))),
  beta: typed(fc.boolean()),
  hostname: typed(fc.constantFrom("", "a", "len-1")),
  sessionId: typed(fc.constantFrom("", "s-1", "s-2")),
  sessionRandom: typed(fc.constantFrom(0, 0.05, 0.5, 0.999)),
  processPlatform: typed(fc.constantFrom("", "linux", "win32")),
  now: typed(fc.constantFrom(0, 1796083200000, 1796083199999)),
};

/**
 * An evaluation context with request keys and ambient overrides, each present about half the time,
 * usually of the right kind but sometimes anything (wrong types, NaN, undefined), biased towards
 * the values rules test: empty strings, thresholds, versions, instants. `nodeVersion` is rare, so
 * that most features with `node_versions` are evaluated rather than disabled.
 */
export const evaluationContext = fc
  .tuple(fc.record(values, { requiredKeys: [] }), fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: fc.constantFrom("18.0.0", "22.1.0", "23.0.0-pre", "20"), weight: 1 }))
  .map(([ctx, nodeVersion]) => (nodeVersion === null ? ctx : { ...ctx, nodeVersion }));
