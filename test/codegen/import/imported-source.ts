import * as E from "fp-ts/Either";
import * as dsl from "../../../dsl";
import { decodeFeature, FeatureC, type FeatureModel } from "../../../runtime";

/*
 * Shared by the importer's round-trip tests (the property over random features, and the tag
 * coverage over the golden features): running imported DSL source in-process, and the model the
 * round trip must give back.
 */

/** A model as canonical JSON text, for comparing two models. */
export const canonical = (model: FeatureModel): string => JSON.stringify(FeatureC.encode(model));

/**
 * What the DSL builds for `model` under `key`: the model itself, except that a rollout without a
 * salt gets the feature key as its salt. That is the DSL's documented behaviour ("the salt defaults
 * to the feature key: the DSL writes it into the JSON"), and the same bucketing as the JSON without
 * a salt loaded under that key; it is the one deliberate difference the round trip has.
 */
export function expectedModel(model: FeatureModel, key: string): string {
  const json = JSON.parse(JSON.stringify(FeatureC.encode(model))) as unknown;
  const stack = [json];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    const record = v as Record<string, unknown>;
    if (record.__type === "random.unit" && record.salt === undefined) record.salt = key;
    stack.push(...Object.values(record));
  }
  const decoded = decodeFeature(json);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return canonical(decoded.right);
}

/*
 * The imported source is plain JavaScript apart from its one import declaration and its export
 * (values are JSON literals, rules DSL calls): those two lines are rewritten to CommonJS, which
 * is what makes hundreds of cases cheap (a TypeScript transpile per case costs more than the rest
 * of the case). Should the importer ever write TypeScript-only syntax, running it fails loudly
 * here, and the real gen below type-checks the sources as written either way.
 */
const IMPORT = /^import \{ ([^}]*) \} from "DSL";$/m;
const EXPORT = /^export const (\w+) =/m;

/** Runs the imported source of `key` (importing "DSL") against the real DSL and returns its model. */
export function buildInProcess(key: string, source: string): FeatureModel {
  expect(source).toMatch(IMPORT);
  expect(source).toMatch(EXPORT);
  const js = source.replace(IMPORT, 'const { $1 } = require("DSL");').replace(EXPORT, "exports.$1 =");
  const exports: Record<string, { model: FeatureModel }> = {};
  const require = (id: string) => {
    if (id !== "DSL") throw new Error(`the imported source requires ${id}`);
    return dsl;
  };
  // This realm's Function, so the source's object literals are this realm's plain objects, as the DSL requires.
  new Function("exports", "require", `${js}\n//# sourceURL=features/${key}.ts`)(exports, require);
  const [exported, ...more] = Object.values(exports);
  if (exported === undefined || more.length > 0) throw new Error(`expected one export, found ${Object.keys(exports).join(", ")}`);
  return exported.model;
}

/** Every `__type` tag in a JSON value (iterative), added to `into`. */
export function tagsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    const tag = (v as { __type?: unknown }).__type;
    if (!Array.isArray(v) && typeof tag === "string") into.add(tag);
    stack.push(...Object.values(v));
  }
  return into;
}
