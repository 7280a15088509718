import { DEFAULT_BUCKET, type FeatureModel } from "../runtime/model/feature";
import { featureSettings, type FeatureSettingValues, type PythonVersion, type SettingKey } from "../runtime/model/feature-fields";
import * as E from "fp-ts/Either";
import { ClassifierC, type Classifier } from "../runtime/model/classifier";
import type { JsonValue } from "../runtime/model/json";
import { formatIssues, reportIssues } from "../runtime/decode/reporter";
import { markDecoded } from "../runtime/decode/decoded";
import { mapAttributes } from "../runtime/model/walk";
import { withDefaultSalt } from "./rollout";
import { rangeProblem } from "../runtime/semver/range";
import { OfflineFeature, type SourceLocation } from "../runtime/offline-feature";
import { DefinitionError, callSite } from "./call-site";
import { featureKeyProblem } from "../runtime/model/feature-key";
import type { Prerequisite, Rule } from "./rule";
import type { DslError, JsonArgument, JsonCheck, ValueCandidate } from "./type-errors";

/** A bucket as the builder holds it: the value is optional until `.default()` fills it in. */
interface DraftBucket {
  readonly name: string;
  readonly classifier: Classifier;
  readonly value?: JsonValue;
  readonly source: SourceLocation | undefined;
}

/** The builder's plain data: the feature model minus what `.default()` completes. */
interface Draft {
  readonly key: string;
  readonly source: SourceLocation | undefined;
  /** The feature's settings set so far (runtime/model/feature-fields.ts lists them). */
  readonly settings: FeatureSettingValues;
  readonly buckets: readonly DraftBucket[];
  readonly values: Readonly<Record<string, JsonValue>>;
  /** The features the rules depend on, by key. */
  readonly prerequisites: ReadonlyMap<string, Prerequisite>;
}

/**
 * A bucket name that is not `"default"` and not already taken; anything else fails to compile with
 * a message saying which.
 */
export type NewBucketName<N extends string, Taken extends string> = N extends typeof DEFAULT_BUCKET
  ? DslError<`the bucket name '${N}' is reserved for the feature's default`>
  : N extends Taken
    ? DslError<`the bucket name '${N}' is already used`>
    : N;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Marks a builder whose value type was not declared: values are then any JSON, typed as given. */
declare const undeclared: unique symbol;
type Undeclared = typeof undeclared;
/**
 * What a value must fit: the declared type, or else any candidate, which {@link JsonArgument}
 * then checks is JSON (so interfaces work: no index signature is needed).
 */
type Allowed<T> = [T] extends [Undeclared] ? ValueCandidate : T;
/**
 * The parameter type of a value. Undeclared, the value's own type `X`, checked to be JSON. Declared,
 * the type itself, checked to be JSON once per declared type (the checker caches `JsonCheck<T>`,
 * where a check of each value's literal type is made again at every call: in a project of 1,000
 * features, most of the type check of the configuration objects). A value with a property the
 * declared type lacks is a fresh object literal's excess property, an error already.
 */
type ValueArgument<X, T> = [T] extends [Undeclared] ? JsonArgument<X> : T & JsonCheck<T>;
/** True when some member of the union `V` is the same type as `X` (each assignable to the other). */
type HasSameMember<V, X> = true extends (V extends unknown ? ([X] extends [V] ? ([V] extends [X] ? true : false) : false) : never) ? true : false;
/**
 * The value union after adding `X`: the declared type stays as declared. An object type equal to
 * one already there is not added twice, so two buckets of `{ pageSize: 50 }` and `{ pageSize: 20 }`
 * give `{ pageSize: number }`, as the checker types an array of both.
 */
type WithValue<V, X, T> = [T] extends [Undeclared] ? V | (HasSameMember<V, X> extends true ? never : X) : T;


/**
 * Starts a feature. The key names its bundle entry, JSON file and getters (`new-checkout` →
 * `generated/new-checkout.json`, `getNewCheckout`): letters, digits and `_`, with `-` or `.`
 * between words (`new-checkout`, `newCheckout`, `new_checkout`, `checkout.v2`).
 */
export function feature<const K extends string>(key: K): FeatureBuilder<never, never, {}> {
  const source = callSite();
  const problem = featureKeyProblem(key);
  if (problem !== undefined) throw new DefinitionError(problem, { source });
  return new FeatureBuilder({ key, source, settings: {}, buckets: [], values: {}, prerequisites: new Map() });
}

/**
 * An immutable feature builder. Each call returns a new builder over plain data; `.default(v)`
 * finishes it into an {@link OfflineFeature}.
 *
 * @typeParam V the union of the values given so far.
 * @typeParam B the union of the bucket names so far.
 * @typeParam C the context keys the rules read so far.
 * @typeParam T the declared value type, if `.valueType<T>()` was called; values must fit it.
 */
export class FeatureBuilder<V, B extends string, C, T = Undeclared> {
  /** Type-level record of the declared value type; no runtime value. */
  declare readonly _valueType: T;

  constructor(private readonly draft: Draft) {}

  private with(change: Partial<Draft>): Draft {
    return { ...this.draft, ...change };
  }

  private withSetting<K extends SettingKey>(key: K, value: FeatureSettingValues[K]): FeatureBuilder<V, B, C, T> {
    return new FeatureBuilder(this.with({ settings: { ...this.draft.settings, [key]: value } }));
  }

  private fail(problem: string, bucket?: string, source?: SourceLocation): never {
    throw new DefinitionError(problem, { feature: this.draft.key, ...(bucket === undefined ? {} : { bucket }), source: source ?? callSite() ?? this.draft.source });
  }

  /** A human description; it goes into the JSON and the generated getter's docs. */
  description(text: string): FeatureBuilder<V, B, C, T> {
    return this.withSetting("description", text);
  }

  /** PyOF's `python_versions`: where the feature applies in Python services (default `["all"]`). */
  pythonVersions(...versions: PythonVersion[]): FeatureBuilder<V, B, C, T> {
    return this.withSetting("python_versions", versions);
  }

  /**
   * The Node versions the feature applies to, as an npm-style range (">=20", "^20.10 || >=22"): the
   * Node counterpart of `pythonVersions`. Elsewhere it returns its default with reason `DISABLED`.
   * The running Node is checked once, at load; `nodeVersion` in the context overrides it (tests).
   */
  nodeVersions(range: string): FeatureBuilder<V, B, C, T> {
    const problem = rangeProblem(range);
    if (problem !== undefined) this.fail(problem);
    return this.withSetting("node_versions", range);
  }

  /**
   * Declares the type every value must have, such as an interface for a configuration object.
   * Values given after this are checked against it (a property it lacks is an error), and the
   * getter returns it. The type is also checked to be JSON, so a type with a function, `Date` or
   * `bigint` property, optional or not, fails to compile at the first value, naming the property.
   * (An explicit `undefined` for an optional property is refused when the feature file runs, at
   * `gen`, with its line.)
   */
  valueType<U>(): FeatureBuilder<U, B, C, U> {
    return new FeatureBuilder(this.draft);
  }

  /**
   * Adds a bucket, tried after those before it. Without a value, the bucket takes its value from
   * `.values({...})`, or else the default.
   */
  bucket<const N extends string, D, X extends Allowed<T>>(name: NewBucketName<N, B>, rule: Rule<D>, value: ValueArgument<X, T>): FeatureBuilder<WithValue<V, X, T>, B | N, C & D, T>;
  bucket<const N extends string, D>(name: NewBucketName<N, B>, rule: Rule<D>): FeatureBuilder<V, B | N, C & D, T>;
  // The implementation's types are erased: the overloads above are what callers see.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  bucket(nameArgument: string | DslError<string>, rule: Rule<unknown>, value?: unknown): FeatureBuilder<any, string, unknown, T> {
    const name = nameArgument as string;
    const source = callSite();
    if (name === DEFAULT_BUCKET) this.fail(`the bucket name "${DEFAULT_BUCKET}" is reserved for the feature's default`, name, source);
    if (this.draft.buckets.some((b) => b.name === name)) this.fail("duplicate bucket name", name, source);
    // Rollouts default their salt to the feature key; the JSON says so explicitly, so that other
    // readers (PyOF, a store loading the file under another name) bucket users the same way.
    const key = this.draft.key;
    const classifier = mapAttributes(rule.def, (a) => withDefaultSalt(a, key));
    // The rule goes through the same codec as JSON now, so an invalid regex, version or instant
    // literal is reported at the bucket that holds it rather than when the feature is finished.
    const checked = ClassifierC.decode(classifier);
    if (E.isLeft(checked)) this.fail(formatIssues(reportIssues(checked.left).slice(0, 1)).replace(/^\(root\): /, ""), name, source);
    // Recorded as decoded, so finishing the feature does not walk this rule through the codec again.
    const decoded = markDecoded(checked.right, "classifier");
    const prerequisites = new Map(this.draft.prerequisites);
    for (const dependency of rule.prerequisites) {
      const dependencyKey = dependency.key!;
      if (dependencyKey === key) this.fail(`a feature cannot depend on itself (dependency cycle: ${key} → ${key})`, name, source);
      const known = prerequisites.get(dependencyKey);
      if (known !== undefined && known !== dependency) this.fail(`two different features named ${JSON.stringify(dependencyKey)} are prerequisites`, name, source);
      prerequisites.set(dependencyKey, dependency);
    }
    const bucket: DraftBucket = value === undefined ? { name, classifier: decoded, source } : { name, classifier: decoded, value: value as JsonValue, source };
    return new FeatureBuilder(this.with({ buckets: [...this.draft.buckets, bucket], prerequisites }));
  }

  /** PyOF's earlier form: the values of buckets defined without one, by bucket name. */
  values<M extends { readonly [K in B]?: Allowed<T> }>(
    map: { readonly [K in keyof M]: M[K] } & { readonly [K in Exclude<keyof M, B>]: DslError<`.values() names '${K & string}', which is not a bucket`> } & JsonCheck<M, "values">,
  ): FeatureBuilder<WithValue<V, Exclude<M[keyof M], undefined>, T>, B, C, T> {
    const source = callSite();
    for (const name of Object.keys(map)) {
      const bucket = this.draft.buckets.find((b) => b.name === name);
      if (bucket === undefined) this.fail(`.values() names ${JSON.stringify(name)}, which is not a bucket`, undefined, source);
      if (bucket.value !== undefined) this.fail("the bucket has a value already; .values() may not give it another", name, source);
    }
    return new FeatureBuilder(this.with({ values: { ...this.draft.values, ...(map as Record<string, JsonValue>) } }));
  }

  /**
   * Finishes the feature with the value returned when no bucket matches. Buckets without a value
   * take theirs from `.values()`, or else this one, so the JSON carries a value on every bucket
   * (PyOF's current loader needs it).
   */
  default<X extends Allowed<T>>(value: ValueArgument<X, T>): OfflineFeature<WithValue<V, X, T>, B, Simplify<C>> {
    const { key, source, settings, buckets, values, prerequisites } = this.draft;
    const model: FeatureModel = {
      type: "offline-feature",
      ...featureSettings(settings),
      buckets: buckets.map((b) => ({
        name: b.name,
        classifier: b.classifier,
        value: b.value !== undefined ? b.value : Object.prototype.hasOwnProperty.call(values, b.name) ? values[b.name]! : (value as JsonValue),
      })),
      default: value as JsonValue,
    };
    try {
      const bucketSources = Object.fromEntries(buckets.flatMap((b) => (b.source === undefined ? [] : [[b.name, b.source] as const])));
      // Prerequisites resolve to the very feature objects the rules captured.
      const resolve = (k: string) => prerequisites.get(k);
      return OfflineFeature.fromModel<WithValue<V, X, T>, B, Simplify<C>>(model, source === undefined ? { key, resolve, bucketSources } : { key, source, resolve, bucketSources });
    } catch (e) {
      return this.fail(e instanceof Error ? e.message : String(e));
    }
  }
}
