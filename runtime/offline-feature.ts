import * as E from "fp-ts/Either";
import { pipe } from "fp-ts/function";
import { FeatureC, type FeatureModel } from "./model/feature";
import type { JsonValue } from "./model/json";
import { decodeFeature } from "./decode/decode";
import type { InputLimits } from "./decode/limits";
import { FeatureDecodeError } from "./decode/decode-error";
import { compileFeature, type CompiledFeature } from "./compile/feature";
import type { CompileOptions } from "./compile/scope";
import { readsAtLoad } from "./compile/traits";
import type { EvaluationContext } from "./evaluate/context";
import { thrownDetails } from "./evaluate/bucket-loop";
import type { EvaluationDetails } from "./evaluate/details";
import { reportIssues, type DecodeIssue } from "./decode/reporter";
import { writeFileAtomic } from "./fs";
import { holdsNoWatchedNode, isDecoded, type DecodedFeature } from "./decode/decoded";
import { findCycleFrom, formatCycle, dependenciesOf } from "./model/dependencies";
import { jsonText } from "./model/json-text";

/** What a feature without bucket locations holds: one shared empty record, not one per feature (a store holds 10,000). */
const NO_BUCKET_SOURCES: Readonly<Record<string, never>> = Object.freeze({});

/** Where a feature was defined, for messages and generated docs. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** How a feature is identified when it is loaded or built. */
export interface FeatureOptions {
  /** The feature's key (`test` for `generated/test.json`); PyOF's JSON does not carry one. */
  readonly key?: string;
  /** Where it was defined or read from, for messages. */
  readonly source?: SourceLocation;
  /** Where each bucket was defined, by bucket name, for lint messages. */
  readonly bucketSources?: Readonly<Record<string, SourceLocation>>;
  /**
   * Finds the features its prerequisites (`feature.in_bucket`) name, by key. It is called on each
   * evaluation of a prerequisite, so a replaced feature is seen at once; make it a map lookup.
   * Features built with the DSL resolve to the feature objects their rules captured; a store
   * passes its own. Without it, every prerequisite is a `PREREQUISITE_ERROR`.
   */
  readonly resolve?: (key: string) => OfflineFeature<unknown, string, unknown> | undefined;
  /** Input limits for decoding (bytes, depth, values, buckets); each one not given keeps its default. */
  readonly limits?: Partial<InputLimits>;
}

function sourceName(options: FeatureOptions): string | undefined {
  if (options.source !== undefined) return `${options.source.file}:${options.source.line}`;
  return options.key === undefined ? undefined : `feature "${options.key}"`;
}

/**
 * The context argument: optional when the feature reads no context attribute (`C` is `{}`),
 * required, with exactly those keys, when it does.
 */
export type ContextArgs<C> = {} extends C ? [ctx?: C & EvaluationContext] : [ctx: C & EvaluationContext];

/**
 * An offline feature: ordered buckets, each a classifier and a value, and a default. Loaded from
 * PyOF-compatible JSON or built with the DSL; evaluated locally, and never throws while doing so.
 *
 * @typeParam V the union of its values.
 * @typeParam B the union of its bucket names (evaluation may also answer `"default"`).
 * @typeParam C the context keys its rules read, with their types.
 */
export class OfflineFeature<V = JsonValue, B extends string = string, C = {}> {
  /**
   * The compiled evaluator; undefined until the first evaluation (see the constructor). Its
   * function, not the record compileFeature returns: a store keeps 10,000 of these.
   */
  private compiled: CompiledFeature["evaluate"] | undefined = undefined;
  /** Finds the features this one's prerequisites name (see {@link FeatureOptions.resolve}). */
  private readonly resolve: CompileOptions["resolve"];

  private constructor(
    /** The feature as plain data, decoded and frozen: the same data its JSON encodes. */
    readonly model: DecodedFeature,
    /** The feature's key, when known. */
    readonly key: string | undefined,
    /** Where the feature was defined, when known. */
    readonly source: SourceLocation | undefined,
    resolve: FeatureOptions["resolve"],
    /** Where each bucket was defined, by name, when known. */
    readonly bucketSources: Readonly<Record<string, SourceLocation>> = NO_BUCKET_SOURCES,
  ) {
    this.resolve = resolve;
    // Compiled on first evaluation: a store of 10,000 features serving requests that touch 20
    // compiles 20. Everything that can refuse the feature (decoding, prerequisite cycles and
    // depth) happened before this constructor; compiling a decoded model only builds closures. A
    // rule that reads a value as of load (an environment variable) is compiled now.
    // (The decoder tells most features apart without a walk: runtime/decode/decoded.ts.)
    // Until then `evaluate` is the prototype's, which compiles and puts the compiled evaluator in
    // its place. Why the feature gets its own: a prototype method is one function for every
    // feature, so its call into the compiled feature is one call site, megamorphic once two
    // features have run, and V8 inlines no feature's rules into a caller of `feature.evaluate(ctx)`.
    // Set here, not left to the prototype, so every feature has the field from the start: one
    // object shape whether evaluated or not.
    this.evaluate = OfflineFeature.prototype.evaluate;
    if (!holdsNoWatchedNode(model) && model.buckets.some((b) => readsAtLoad(b.classifier))) this.compile();
  }

  /**
   * Whether the feature has compiled: it was evaluated, or it reads a value at load. A store keeps
   * such a feature across a replace that holds it unchanged (runtime/store/store.ts).
   * @internal
   */
  get isCompiled(): boolean {
    return this.compiled !== undefined;
  }

  /**
   * What the feature compiles with (its key and resolver): the traced evaluator compiles with the
   * same (`evaluateWithTrace`, runtime/evaluate/evaluate-with-trace.ts). Built when asked for, not
   * kept: a store holds 10,000 features and compiles each once at most.
   * @internal
   */
  get compileOptions(): CompileOptions {
    return { featureKey: this.key, resolve: this.resolve };
  }

  /** Compiles the feature and installs its own `evaluate`; only once. */
  private compile(): CompiledFeature["evaluate"] {
    const compiled = compileFeature(this.model, this.compileOptions).evaluate;
    this.compiled = compiled;
    // The compiled evaluator never throws (runtime/evaluate/bucket-loop.ts), so it needs no guard.
    this.evaluate = compiled as unknown as this["evaluate"];
    return compiled;
  }

  /**
   * A dependency cycle through this feature, as far as the resolver can see at load, reported at
   * the prerequisite that starts it: `dependency cycle: a → b → a`. Undefined when there is none.
   */
  private static cycleIssue(model: FeatureModel, options: FeatureOptions): DecodeIssue | undefined {
    const key = options.key;
    if (key === undefined) return undefined;
    const resolve = options.resolve;
    const cycle = findCycleFrom(key, model, (k) => resolve?.(k)?.model);
    if (cycle === undefined) return undefined;
    const start = cycle[0] === key ? dependenciesOf(model).find((d) => d.feature === cycle[1]) : undefined;
    return { path: start?.path ?? "", message: `dependency cycle: ${formatCycle(cycle)}` };
  }

  /**
   * Decodes a feature from JSON text or a parsed value, in either of PyOF's forms. Never throws:
   * a `Left` carries every problem with its JSON path.
   */
  static decode(json: unknown, options: FeatureOptions = {}): E.Either<FeatureDecodeError, OfflineFeature> {
    return pipe(
      decodeFeature(json, { source: sourceName(options), limits: options.limits }),
      E.chain((model) => {
        const cycle = OfflineFeature.cycleIssue(model, options);
        return cycle === undefined
          ? E.right(new OfflineFeature(model, options.key, options.source, options.resolve))
          : E.left(new FeatureDecodeError([cycle], sourceName(options)));
      }),
    );
  }

  /** PyOF's `loads`: like {@link OfflineFeature.decode} but throws a {@link FeatureDecodeError}. */
  static loads(json: string, options: FeatureOptions = {}): OfflineFeature {
    const decoded = OfflineFeature.decode(json, options);
    if (E.isLeft(decoded)) throw decoded.left;
    return decoded.right;
  }

  /**
   * Wraps a model built in code (the DSL does this). A model that did not come out of the codec
   * goes through it, as JSON does, so a model the JSON could not express is refused here too; a
   * decoded one (from {@link decodeFeature}, a bundle, another feature's `model`) is not decoded again.
   */
  static fromModel<V, B extends string, C>(model: FeatureModel, options: FeatureOptions = {}): OfflineFeature<V, B, C> {
    if (isDecoded(model, "feature")) return OfflineFeature.fromDecoded(model, options);
    const checked = FeatureC.decode(model);
    if (E.isLeft(checked)) {
      throw new FeatureDecodeError(reportIssues(checked.left), sourceName(options));
    }
    return OfflineFeature.fromDecoded(checked.right as DecodedFeature, options);
  }

  /**
   * Compiles a decoded model without decoding it again. The cycle check through this feature runs
   * unless `cyclesChecked` says the caller checked the whole graph already (see
   * {@link OfflineFeature.fromCheckedModel}). Throws a {@link FeatureDecodeError} for a cycle.
   */
  static fromDecoded<V, B extends string, C>(model: DecodedFeature, options: FeatureOptions = {}, cyclesChecked = false): OfflineFeature<V, B, C> {
    const cycle = cyclesChecked ? undefined : OfflineFeature.cycleIssue(model, options);
    if (cycle !== undefined) throw new FeatureDecodeError([cycle], sourceName(options));
    return new OfflineFeature<V, B, C>(model, options.key, options.source, options.resolve, options.bucketSources);
  }

  /**
   * Wraps a model that was already decoded (by a bundle) and whose prerequisites were checked as a
   * whole (no cycle, within the depth limit): no second decode, no per-feature cycle search, so a
   * store loads in time linear in its size. For the store; others use {@link OfflineFeature.fromModel}.
   * @internal
   */
  static fromCheckedModel(model: DecodedFeature, options: FeatureOptions = {}): OfflineFeature {
    return new OfflineFeature(model, options.key, options.source, options.resolve, options.bucketSources);
  }

  /** The canonical JSON: stable key order, PyOF's current form (a value on every bucket). */
  dumps(indent = 2): string {
    return jsonText(this.toJSON(), indent);
  }

  /** The canonical JSON value (what {@link OfflineFeature.dumps} prints). */
  toJSON(): JsonValue {
    return FeatureC.encode(this.model);
  }

  /**
   * Writes the canonical JSON to `path` atomically, creating folders. With `onlyIfChanged` (the
   * default) an identical file is not rewritten. Returns whether it wrote.
   */
  writeToDisk(path: string, onlyIfChanged = true): boolean {
    return writeFileAtomic(path, `${this.dumps()}\n`, onlyIfChanged);
  }

  /**
   * Evaluates the feature: value, bucket, reason and the errors met. Never throws. To see why, with
   * a trace of every bucket and rule node tried: `evaluateWithTrace(feature, ctx)`.
   */
  evaluate(...[ctx]: ContextArgs<C>): EvaluationDetails<V, B>;
  evaluate(ctx?: EvaluationContext): EvaluationDetails<V, B> {
    // The first evaluation only: later calls go to the feature's own `evaluate`, which compile() installs.
    try {
      return (this.compiled ?? this.compile())(ctx) as EvaluationDetails<V, B>;
    } catch (e) {
      // Only a hostile context (a throwing getter or proxy) can get here.
      return this.thrown(e);
    }
  }

  /**
   * The compiled evaluator (compiled now if it was not yet): what {@link OfflineFeature.evaluate}
   * is after the first call, and, like it, never throws. For generated getters (see
   * FeatureHandle.directEvaluator), so that the call into a feature's rules sits in code of its own.
   */
  get evaluator(): (ctx: EvaluationContext | undefined) => EvaluationDetails<V, B> {
    return (this.compiled ?? this.compile()) as (ctx: EvaluationContext | undefined) => EvaluationDetails<V, B>;
  }

  /** The answer when evaluation threw; out of line, so that evaluate() stays small enough for V8 to inline. */
  private thrown(e: unknown): EvaluationDetails<V, B> {
    return thrownDetails(this.model.default, e) as EvaluationDetails<V, B>;
  }

  /** The value for this context. */
  getValue(...ctx: ContextArgs<C>): V {
    return this.evaluate(...ctx).value;
  }

  /** PyOF's `get_bucket_name`: the first matching bucket's name, or `"default"`. */
  getBucketName(...ctx: ContextArgs<C>): B | "default" {
    return this.evaluate(...ctx).bucket;
  }

  /** PyOF's `get_value_for_bucket`: a bucket's value; `"default"` or an unknown name gives the default. */
  getValueForBucket(name: B | "default"): V {
    const bucket = this.model.buckets.find((b) => b.name === name);
    return (bucket === undefined ? this.model.default : bucket.value) as V;
  }

  /** PyOF's `get_bucket_and_value`: the pair `[bucket, value]` for this context. */
  getBucketAndValue(...ctx: ContextArgs<C>): readonly [B | "default", V] {
    const details = this.evaluate(...ctx);
    return [details.bucket, details.value];
  }
}
