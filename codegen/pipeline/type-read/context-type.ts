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
 * the same context), sorted by name; or the message for a key read with two types (no value could
 * satisfy both, so the getter could never be called).
 *
 * @param lookup finds a prerequisite's model by key; unknown keys are reported by lint.
 */
export function contextKeys(
  model: FeatureModel,
  lookup: (key: string) => FeatureModel | undefined = () => undefined,
): { keys: ReadonlyArray<readonly [string, ContextKeyType]> } | { conflict: string } {
  const keys = new Map<string, ContextKeyType>();
  let conflict: string | undefined;
  const seen = new Set<FeatureModel>();
  const queue = [model];
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const bucket of current.buckets) {
      forEachAttribute(bucket.classifier, (attribute) => {
        const key = contextKeyOf(attribute);
        if (key === undefined) return;
        const known = keys.get(key.name);
        if (known !== undefined && known !== key.type) {
          conflict ??= `context attribute "${key.name}" is read as ${known} and as ${key.type} (bucket "${bucket.name}"); use one type`;
        }
        keys.set(key.name, known ?? key.type);
      });
    }
    for (const dependency of dependenciesOf(current)) {
      const next = lookup(dependency.feature);
      if (next !== undefined) queue.push(next);
    }
  }
  if (conflict !== undefined) return { conflict };
  return { keys: [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}
