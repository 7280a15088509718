import * as t from "io-ts";
import { FeatureKeyC } from "./feature-key";
import { AttributeC, TimeAttributeC, VersionAttributeC } from "./attribute";
import { parseSemVer } from "../semver/parse";
import { instantProblem } from "../time/instant";
import { patternProblem } from "../regex";
import { TAG, checkedString, node, taggedUnion } from "../decode/tagged-union";
import { describeValue } from "../describe-value";
import { isDecoded } from "../decode/decoded";

/** A literal a comparison compares against. */
export type Scalar = string | number | boolean | null;

/** io-ts codec for {@link Scalar}; one message instead of one per union member. */
export const ScalarC = new t.Type<Scalar, Scalar, unknown>(
  "Scalar",
  (u): u is Scalar => u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u)),
  (u, c) =>
    u === null || typeof u === "string" || typeof u === "boolean" || (typeof u === "number" && Number.isFinite(u))
      ? t.success(u)
      : t.failure(u, c, `expected a string, number, boolean or null, found ${describeValue(u)}`),
  t.identity,
);

/**
 * What `bool.none` may hold instead of a classifier: PyOF negates a literal by truthiness, true
 * exactly for `""`, `0`, `false` and `[]`.
 */
export type NoneLiteral = Scalar | readonly NoneLiteralItem[];
type NoneLiteralItem = Scalar | readonly NoneLiteralItem[];

/** A regular expression source, checked to compile at decode time. */
export const PatternC = checkedString("Pattern", patternProblem);

const comparison = <K extends string>(tag: K) => node(tag, { __type: t.literal(tag), attribute: AttributeC, value: ScalarC });

/** `attribute < value`; false unless both are numbers. */
export const LtC = comparison("comparison.lt");
/** `attribute <= value`; false unless both are numbers. */
export const LteC = comparison("comparison.lte");
/** `attribute > value`; false unless both are numbers. */
export const GtC = comparison("comparison.gt");
/** `attribute >= value`; false unless both are numbers. */
export const GteC = comparison("comparison.gte");
/** `attribute === value` for two numbers, two strings or two booleans; false for other pairs. */
export const EqC = comparison("comparison.eq");
/** Not equal, for values `eq` can compare; false for other pairs. PyOF's Rust maps `!=` to eq, which is a bug. */
export const NeC = comparison("comparison.ne");
/** Unanchored regex search over a string attribute (PyOF `re.match`). */
export const RegexC = node("re.match", { __type: t.literal("re.match"), attribute: AttributeC, value: PatternC });

const membership = <K extends string>(tag: K) => node(tag, { __type: t.literal(tag), attribute: AttributeC, value: t.readonlyArray(ScalarC) });
/** The attribute is one of the listed scalars (same type, no coercion); compiled to a `Set`. */
export const InC = membership("comparison.in");
/** The attribute is a scalar that is none of the listed ones; the negation of `comparison.in`. */
export const NotInC = membership("comparison.notin");

const stringTest = <K extends string>(tag: K) => node(tag, { __type: t.literal(tag), attribute: AttributeC, value: t.string });
/** A string attribute starts with `value` (case-sensitive); false for other types. */
export const StartsWithC = stringTest("str.startswith");
/** A string attribute ends with `value` (case-sensitive); false for other types. */
export const EndsWithC = stringTest("str.endswith");
/** A string attribute contains `value` (case-sensitive); false for other types. */
export const ContainsC = stringTest("str.contains");

/** A SemVer 2.0 literal, checked at decode (an optional leading "v" is allowed). */
export const VersionLiteralC = checkedString("Version", (s) =>
  parseSemVer(s) === undefined ? `expected a SemVer 2.0 version like "2.1.0" or "2.1.0-rc.1", found ${describeValue(s)}` : undefined,
);
const versionComparison = <K extends string>(tag: K) =>
  node(tag, { __type: t.literal(tag), attribute: VersionAttributeC, value: VersionLiteralC });
/** Version `<` literal, by SemVer 2.0 precedence (a prerelease sorts before its release). */
export const SemverLtC = versionComparison("semver.lt");
/** Version `<=` literal, by SemVer 2.0 precedence. */
export const SemverLteC = versionComparison("semver.lte");
/** Version `>` literal, by SemVer 2.0 precedence. */
export const SemverGtC = versionComparison("semver.gt");
/** Version `>=` literal, by SemVer 2.0 precedence. */
export const SemverGteC = versionComparison("semver.gte");
/** Version equal to literal by SemVer 2.0 precedence (build metadata is ignored). */
export const SemverEqC = versionComparison("semver.eq");

/** An RFC 3339 instant with a time zone, checked at decode. */
export const InstantLiteralC = checkedString("Instant", instantProblem);
const timeComparison = <K extends string>(tag: K) => node(tag, { __type: t.literal(tag), attribute: TimeAttributeC, value: InstantLiteralC });
/** The time attribute is strictly before the instant. */
export const BeforeC = timeComparison("time.before");
/** The time attribute is at or after the instant, so `before` and `after` of one instant split time exactly. */
export const AfterC = timeComparison("time.after");

/**
 * A feature key: an identifier, as the DSL requires (`test` names `generated/test.json` and
 * `getTest`), so that a prerequisite names a feature the way everything else does.
 */
export { FeatureKeyC };
const BucketNamesC = new t.Type<readonly string[], readonly string[], unknown>(
  "BucketNames",
  (u): u is readonly string[] => Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === "string"),
  (u, c) => {
    if (Array.isArray(u) && u.length === 0) return t.failure(u, c, 'expected at least one bucket name (a feature always lands in some bucket, "default" included)');
    return t.readonlyArray(t.string).validate(u, c);
  },
  t.identity,
);
/**
 * A prerequisite: the feature `feature`, evaluated with the same context, lands in one of the
 * buckets `value` (`"default"` included).
 */
export const InBucketC = node("feature.in_bucket", { __type: t.literal("feature.in_bucket"), feature: FeatureKeyC, value: BucketNamesC });

/** Conjunction, left to right, stopping at the first false. */
export interface AllNode {
  readonly __type: "bool.all";
  readonly value: readonly Classifier[];
}
/** Disjunction, left to right, stopping at the first true. */
export interface AnyNode {
  readonly __type: "bool.any";
  readonly value: readonly Classifier[];
}
/** Negation of a classifier, or PyOF's truthiness test of a literal. An error stays an error. */
export interface NoneNode {
  readonly __type: "bool.none";
  readonly value: Classifier | NoneLiteral;
}

/** A comparison between an attribute and a literal. */
export type ComparisonNode = t.TypeOf<typeof LtC | typeof LteC | typeof GtC | typeof GteC | typeof EqC | typeof NeC>;
/** A regex search node. */
export type RegexNode = t.TypeOf<typeof RegexC>;
/** A set membership node. */
export type MembershipNode = t.TypeOf<typeof InC | typeof NotInC>;
/** A substring test node. */
export type StringTestNode = t.TypeOf<typeof StartsWithC | typeof EndsWithC | typeof ContainsC>;

/** A version comparison node. */
export type VersionComparisonNode = t.TypeOf<typeof SemverLtC | typeof SemverLteC | typeof SemverGtC | typeof SemverGteC | typeof SemverEqC>;

/** A time comparison node. */
export type TimeComparisonNode = t.TypeOf<typeof BeforeC | typeof AfterC>;

/** A prerequisite node. */
export type InBucketNode = t.TypeOf<typeof InBucketC>;

/** A classifier: the closed union of rule nodes, tagged as the JSON tags them. */
export type Classifier =
  | InBucketNode
  | AllNode
  | AnyNode
  | NoneNode
  | ComparisonNode
  | RegexNode
  | MembershipNode
  | StringTestNode
  | VersionComparisonNode
  | TimeComparisonNode;
/** The `__type` tag of a classifier. */
export type ClassifierTag = Classifier["__type"];
/** The classifier record with tag `K`. */
export type ClassifierOf<K extends ClassifierTag> = Extract<Classifier, { readonly __type: K }>;

const NoneLiteralC: t.Type<NoneLiteral, NoneLiteral, unknown> = t.recursion("NoneLiteral", () =>
  new t.Type<NoneLiteral, NoneLiteral, unknown>(
    "NoneLiteral",
    (u): u is NoneLiteral => ScalarC.is(u) || (Array.isArray(u) && u.every((x) => NoneLiteralC.is(x))),
    (u, c) => (Array.isArray(u) ? t.array(NoneLiteralC).validate(u, c) : ScalarC.validate(u, c)),
    t.identity,
  ),
);

/** `bool.none` holds a classifier when its value is a tagged object, a literal otherwise. */
const NegatedC: t.Type<Classifier | NoneLiteral, Classifier | NoneLiteral, unknown> = new t.Type<
  Classifier | NoneLiteral,
  Classifier | NoneLiteral,
  unknown
>(
  "Classifier | NoneLiteral",
  (u): u is Classifier | NoneLiteral => ClassifierC.is(u) || NoneLiteralC.is(u),
  (u, c) => (typeof u === "object" && u !== null && !Array.isArray(u) ? ClassifierC.validate(u, c) : NoneLiteralC.validate(u, c)),
  t.identity,
);

/** A reference to {@link ClassifierC} that resolves lazily, for the recursive nodes. */
const ChildC: t.Type<Classifier, Classifier, unknown> = t.recursion<Classifier>("Classifier", () => ClassifierC);

/** Every classifier, by tag. Adding one here makes the compiler ask for its operator and DSL function. */
export const classifierCodecs = {
  "bool.all": node("bool.all", { __type: t.literal("bool.all"), value: t.readonlyArray(ChildC) }),
  "bool.any": node("bool.any", { __type: t.literal("bool.any"), value: t.readonlyArray(ChildC) }),
  "bool.none": node("bool.none", { __type: t.literal("bool.none"), value: NegatedC }),
  "comparison.lt": LtC,
  "comparison.lte": LteC,
  "comparison.gt": GtC,
  "comparison.gte": GteC,
  "comparison.eq": EqC,
  "comparison.ne": NeC,
  "re.match": RegexC,
  "comparison.in": InC,
  "comparison.notin": NotInC,
  "str.startswith": StartsWithC,
  "str.endswith": EndsWithC,
  "str.contains": ContainsC,
  "semver.lt": SemverLtC,
  "semver.lte": SemverLteC,
  "semver.gt": SemverGtC,
  "semver.gte": SemverGteC,
  "semver.eq": SemverEqC,
  "time.before": BeforeC,
  "time.after": AfterC,
  "feature.in_bucket": InBucketC,
} as const;

/** io-ts codec for {@link Classifier}. */
export const ClassifierC: t.Type<Classifier, Classifier, unknown> = t.recursion("Classifier", () => {
  const union = taggedUnion("Classifier", "classifier", classifierCodecs);
  // A rule the DSL already decoded (runtime/decode/decoded.ts) is not walked again.
  return new t.Type<Classifier, Classifier, unknown>(union.name, union.is, (u, c) => (isDecoded(u, "classifier") ? t.success(u) : union.validate(u, c)), union.encode);
});

/** True for a classifier node, false for a `bool.none` literal. */
export function isClassifier(value: Classifier | NoneLiteral): value is Classifier {
  return typeof value === "object" && value !== null && !Array.isArray(value) && TAG in value;
}
