import { contextValueType, type Attribute, type ContextAttribute } from "../../../runtime/model/attribute";
import type { FeatureModel } from "../../../runtime/model/feature";
import { forEachAttribute } from "../../../runtime/model/walk";
import { dependenciesOf } from "../../../runtime/model/dependencies";

/*
 * The context a generated getter takes is derived from the model: each context attribute the rules
 * read becomes a required key of its type. Ambient overrides stay optional.
 */

/** The TypeScript type of a context key, as the runtime's table gives it (`"string | number"` for a timestamp). */
export type ContextKeyType = string;

const isContextAttribute = (attribute: Attribute): attribute is ContextAttribute => Object.prototype.hasOwnProperty.call(contextValueType, attribute.__type);

/** The context key an attribute reads, with its type; undefined for attributes that read no context. */
export function contextKeyOf(attribute: Attribute): { readonly name: string; readonly type: ContextKeyType } | undefined {
  return isContextAttribute(attribute) ? { name: attribute.name, type: contextValueType[attribute.__type] } : undefined;
}

/**
 * The context keys a feature reads, its prerequisites' included (a prerequisite is evaluated with
 * the same context), sorted by name. A key read as two types keeps the first; that is an error of
 * the lint rule `context-types` (lint/rules/context-types.ts), which blocks the run.
 *
 * @param lookup finds a prerequisite's model by key; unknown keys are reported by lint.
 */
export function contextKeys(model: FeatureModel, lookup: (key: string) => FeatureModel | undefined = () => undefined): ReadonlyArray<readonly [string, ContextKeyType]> {
  const keys = new Map<string, ContextKeyType>();
  const seen = new Set<FeatureModel>();
  const queue = [model];
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const bucket of current.buckets) {
      forEachAttribute(bucket.classifier, (attribute) => {
        const key = contextKeyOf(attribute);
        if (key !== undefined && !keys.has(key.name)) keys.set(key.name, key.type);
      });
    }
    for (const dependency of dependenciesOf(current)) {
      const next = lookup(dependency.feature);
      if (next !== undefined) queue.push(next);
    }
  }
  return [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
