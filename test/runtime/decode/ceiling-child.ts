/**
 * Child process for the depth-ceiling test, started with a small stack (`node --stack-size=…`):
 * reads `{ documents: [text, …], depth }` as JSON on stdin and, for each feature document, runs
 * every input-driven path a loader and a caller take (decode, compile, evaluate with and without
 * a trace, canonical encode and decode again, a bundle into a store and a getter through it),
 * printing what each gave as one JSON line, with how deep a plain recursive function gets in this
 * process (so the test can tell the small stack took effect). A stack overflow anywhere shows as a
 * RangeError message in its step, as an error in the details, or as the child dying.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/Either";
import { evaluateWithTrace, FeatureStore, OfflineFeature, encodeBundle, type AmbientOverrides, type FeatureModel } from "../../../runtime";
import { jsonText } from "../../../runtime/model/json-text";

const input = JSON.parse(readFileSync(0, "utf8")) as { documents: string[]; depth: number };
const limits = { depth: input.depth };

function step<T>(run: () => T): T | { threw: string } {
  try {
    return run();
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

const results = input.documents.map((text) => {
  const decoded = OfflineFeature.decode(text, { key: "deep", limits });
  if (E.isLeft(decoded)) return { refused: decoded.left.issues };
  const feature = decoded.right;
  const details = (ctx: Record<string, unknown>) => step(() => feature.evaluate(ctx));
  const traced = step(() => {
    const { trace, ...rest } = evaluateWithTrace(feature, { country: "FR" });
    return { ...rest, nodes: trace.buckets[0]!.nodes.length, evaluated: trace.buckets[0]!.nodes.filter((n) => n.evaluated).length };
  });
  const reencoded = step(() => {
    const again = OfflineFeature.loads(feature.dumps(), { key: "deep", limits });
    return again.dumps() === feature.dumps();
  });
  const store = step(() => {
    const loaded = FeatureStore.fromBundle(jsonText(encodeBundle({ deep: feature.model })), "bundle", { limits });
    if (E.isLeft(loaded)) return { refused: loaded.left.issues };
    return loaded.right.handle<unknown, string, AmbientOverrides & { country: string }>("deep", "fallback").evaluate({ country: "FR" });
  });
  // A second bundle, another feature beside the deep one: the store tells its listeners which keys changed.
  const changed = step(() => {
    const store = FeatureStore.empty({ limits });
    const heard: string[][] = [];
    store.onChange((change) => heard.push([...change.keys]));
    const other = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [], default: 1 }), { key: "other" });
    const bundles: Record<string, FeatureModel>[] = [{ deep: feature.model }, { deep: feature.model, other: other.model }];
    for (const features of bundles) {
      const replaced = store.replace(jsonText(encodeBundle(features)), "bundle");
      if (E.isLeft(replaced)) return { refused: replaced.left.issues };
    }
    return heard;
  });
  return { match: details({ country: "FR" }), miss: details({ country: "DE" }), missing: details({}), traced, reencoded, store, changed };
});

/** How many calls deep a trivial recursion gets before the stack runs out. */
function recursionDepth(): number {
  let deepest = 0;
  const down = (n: number): number => {
    deepest = n;
    return down(n + 1) + 1;
  };
  try {
    down(0);
  } catch {
    // The RangeError is the point.
  }
  return deepest;
}

process.stdout.write(`${JSON.stringify({ recursionDepth: recursionDepth(), results })}\n`);
