import { classifierDescriptor, type Classifier } from "./classifier";
import type { FeatureModel } from "./feature";
import { childNodesOf, forEachNode } from "./walk";
import { holdsNoWatchedNode } from "../decode/decoded";

/** The prerequisite a node states (the feature it depends on and the buckets it accepts), if it is one. */
export function prerequisiteOf(node: Classifier): { readonly feature: string; readonly buckets: readonly string[] } | undefined {
  return classifierDescriptor(node).prerequisite?.(node);
}

/*
 * The dependency graph of prerequisites (`feature.in_bucket`). A cycle would make evaluation
 * recurse forever, so loaders reject one up front and name it whole: `a → b → c → a`.
 */

/** One prerequisite edge: the feature depended on, and the JSON path of the node that says so. */
export interface Dependency {
  readonly feature: string;
  readonly path: string;
}

/** The prerequisites of a feature, in document order (a key may appear more than once). */
export function dependenciesOf(model: FeatureModel): readonly Dependency[] {
  const out: Dependency[] = [];
  model.buckets.forEach((bucket, i) =>
    forEachNode(bucket.classifier, (node, path) => {
      const prerequisite = prerequisiteOf(node);
      if (prerequisite !== undefined) out.push({ feature: prerequisite.feature, path: `buckets[${i}].classifier${path === "" ? "" : `.${path}`}` });
    }),
  );
  return out;
}

/**
 * A dependency cycle among `features`, as the keys along it with the first repeated at the end
 * (`["a", "b", "c", "a"]`), or undefined when there is none. Keys that are depended on but not in
 * the map are not followed (a missing feature is a resolution problem, not a cycle). The search is
 * iterative, so a long chain cannot overflow the stack, and deterministic: features in map order,
 * prerequisites in document order.
 */
export function findCycle(features: ReadonlyMap<string, FeatureModel>, edges: PrerequisiteEdges = prerequisiteEdges(features)): readonly string[] | undefined {
  const done = new Set<string>();
  // Only features with prerequisites can be on a cycle, and the edges hold just those, in map
  // order: most features are never looked at (a store of 10,000 often has no edge at all).
  for (const start of edges.keys()) {
    if (done.has(start)) continue;
    // The current path, each entry with the index of the next prerequisite to explore.
    const path: string[] = [start];
    const next: number[] = [0];
    const onPath = new Set<string>([start]);
    while (path.length > 0) {
      const key = path[path.length - 1]!;
      const targets = edges.get(key) ?? NO_EDGES;
      const i = next[next.length - 1]!;
      if (i >= targets.length) {
        done.add(key);
        onPath.delete(key);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = targets[i]!;
      if (onPath.has(target)) return [...path.slice(path.indexOf(target)), target];
      if (done.has(target)) continue;
      path.push(target);
      next.push(0);
      onPath.add(target);
    }
  }
  return undefined;
}

/**
 * Each feature's distinct prerequisites that are in the map, in document order; a feature with
 * none has no entry (most have none, and a store builds this for every feature it loads).
 */
export type PrerequisiteEdges = ReadonlyMap<string, readonly string[]>;

const NO_EDGES: readonly string[] = [];

/**
 * The prerequisite graph of `features` ({@link PrerequisiteEdges}); computed once, it serves both
 * {@link findCycle} and {@link longestChain}. Walks each rule tree once, without spelling paths.
 */
export function prerequisiteEdges(features: ReadonlyMap<string, FeatureModel>): PrerequisiteEdges {
  const edges = new Map<string, readonly string[]>();
  // forEach, not for…of: no [key, model] entry array per feature.
  // One explicit stack for the whole graph, and no callback per feature: this walks every tree.
  const nodes: Classifier[] = [];
  features.forEach((model, key) => {
    // The decoder saw this feature's every node, and no prerequisite among them: nothing to walk.
    if (holdsNoWatchedNode(model)) return;
    let targets: Set<string> | undefined;
    const buckets = model.buckets;
    for (let b = 0; b < buckets.length; b++) {
      nodes.push(buckets[b]!.classifier);
      while (nodes.length > 0) {
        const node = nodes.pop()!;
        const feature = prerequisiteOf(node)?.feature;
        if (feature !== undefined && features.has(feature)) (targets ??= new Set()).add(feature);
        const children = childNodesOf(node);
        for (let i = children.length - 1; i >= 0; i--) nodes.push(children[i]!);
      }
    }
    // A Set keeps the first occurrence's place: document order.
    if (targets !== undefined) edges.set(key, [...targets]);
  });
  return edges;
}

/**
 * The longest chain of prerequisites among acyclic `features` ({@link findCycle} found none), as
 * its keys from the top (`["a", "b", "c"]`: a depends on b, b on c; its depth is 2), or `[]` when
 * there are no features. Iterative, each feature and edge visited once: linear in the set's size.
 */
export function longestChain(features: ReadonlyMap<string, FeatureModel>, edges: PrerequisiteEdges = prerequisiteEdges(features)): readonly string[] {
  // No edge at all (the common case): every chain is one feature long, the first one stands for them.
  if (edges.size === 0) {
    for (const key of features.keys()) return [key];
    return [];
  }
  const depth = new Map<string, number>();
  const deepest = new Map<string, string>();
  // A feature without prerequisites is 0 deep, and the longest chain starts at one with some.
  for (const start of edges.keys()) {
    if (depth.has(start)) continue;
    const stack: string[] = [start];
    while (stack.length > 0) {
      const key = stack[stack.length - 1]!;
      const pending = (edges.get(key) ?? NO_EDGES).filter((k) => !depth.has(k));
      if (pending.length > 0 && !depth.has(key)) {
        // Children first; a child already on the stack would be a cycle, which the caller excluded.
        // A loop, not push(...pending): a spread call's arguments live on the stack.
        for (const k of pending) stack.push(k);
        continue;
      }
      stack.pop();
      if (depth.has(key)) continue;
      let best = 0;
      for (const target of edges.get(key) ?? NO_EDGES) {
        const d = depth.get(target)! + 1;
        if (d > best) {
          best = d;
          deepest.set(key, target);
        }
      }
      depth.set(key, best);
    }
  }
  let top: string | undefined;
  let topDepth = -1;
  // forEach, not for…of: no [key, depth] entry array per feature.
  depth.forEach((d, key) => {
    if (d > topDepth) {
      top = key;
      topDepth = d;
    }
  });
  const chain: string[] = [];
  for (let key = top; key !== undefined; key = deepest.get(key)) chain.push(key);
  return chain;
}

/**
 * The cycle reachable from the feature `key`, following prerequisites through `lookup` as far as
 * it resolves them; undefined when there is none. This is what a single load can check.
 */
export function findCycleFrom(key: string, model: FeatureModel, lookup: (key: string) => FeatureModel | undefined): readonly string[] | undefined {
  const reachable = new Map<string, FeatureModel>([[key, model]]);
  const queue = [model];
  while (queue.length > 0) {
    for (const { feature } of dependenciesOf(queue.pop()!)) {
      if (reachable.has(feature)) continue;
      const found = lookup(feature);
      if (found === undefined) continue;
      reachable.set(feature, found);
      queue.push(found);
    }
  }
  return findCycle(reachable);
}

/** `a → b → c → a` */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(" → ");
}
