/**
 * Child process for the stickiness test: reads `{ feature, key, contexts }` as JSON on stdin,
 * loads the feature from its JSON as a fresh process would, and prints the bucket each context
 * lands in, as a JSON array.
 */
import { readFileSync } from "node:fs";
import { OfflineFeature, type EvaluationContext } from "../../../runtime";

const input = JSON.parse(readFileSync(0, "utf8")) as { feature: string; key: string; contexts: EvaluationContext[] };
const feature = OfflineFeature.loads(input.feature, { key: input.key });
process.stdout.write(JSON.stringify(input.contexts.map((ctx) => feature.evaluate(ctx).bucket)));
