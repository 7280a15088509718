import type { ClassifierTag } from "../model/classifier";
import { classifierDescriptors } from "../vocabulary/classifiers";
import { mapByTag } from "../vocabulary/by-tag";
import type { NodeSchema } from "./types";
import { allSchema } from "../vocabulary/classifiers/bool-all";
import { anySchema } from "../vocabulary/classifiers/bool-any";
import { noneSchema } from "../vocabulary/classifiers/bool-none";
import { ltSchema } from "../vocabulary/classifiers/comparison-lt";
import { lteSchema } from "../vocabulary/classifiers/comparison-lte";
import { gtSchema } from "../vocabulary/classifiers/comparison-gt";
import { gteSchema } from "../vocabulary/classifiers/comparison-gte";
import { eqSchema } from "../vocabulary/classifiers/comparison-eq";
import { neSchema } from "../vocabulary/classifiers/comparison-ne";
import { regexSchema } from "../vocabulary/classifiers/re-match";
import { oneOfSchema } from "../vocabulary/classifiers/comparison-in";
import { noneOfSchema } from "../vocabulary/classifiers/comparison-notin";
import { startsWithSchema } from "../vocabulary/classifiers/str-startswith";
import { endsWithSchema } from "../vocabulary/classifiers/str-endswith";
import { containsSchema } from "../vocabulary/classifiers/str-contains";
import { semverLtSchema } from "../vocabulary/classifiers/semver-lt";
import { semverLteSchema } from "../vocabulary/classifiers/semver-lte";
import { semverGtSchema } from "../vocabulary/classifiers/semver-gt";
import { semverGteSchema } from "../vocabulary/classifiers/semver-gte";
import { semverEqSchema } from "../vocabulary/classifiers/semver-eq";
import { beforeSchema } from "../vocabulary/classifiers/time-before";
import { afterSchema } from "../vocabulary/classifiers/time-after";
import { inBucketSchema } from "../vocabulary/classifiers/feature-in-bucket";

/**
 * Each classifier tag's schema thunk, from its file in runtime/vocabulary/classifiers/ (beside its descriptor,
 * not in it: see runtime/vocabulary/types.ts). Typed by tag, so a new tag asks for its schema here.
 */
const schemaOf: { readonly [K in ClassifierTag]: () => NodeSchema } = {
  "bool.all": allSchema,
  "bool.any": anySchema,
  "bool.none": noneSchema,
  "comparison.lt": ltSchema,
  "comparison.lte": lteSchema,
  "comparison.gt": gtSchema,
  "comparison.gte": gteSchema,
  "comparison.eq": eqSchema,
  "comparison.ne": neSchema,
  "re.match": regexSchema,
  "comparison.in": oneOfSchema,
  "comparison.notin": noneOfSchema,
  "str.startswith": startsWithSchema,
  "str.endswith": endsWithSchema,
  "str.contains": containsSchema,
  "semver.lt": semverLtSchema,
  "semver.lte": semverLteSchema,
  "semver.gt": semverGtSchema,
  "semver.gte": semverGteSchema,
  "semver.eq": semverEqSchema,
  "time.before": beforeSchema,
  "time.after": afterSchema,
  "feature.in_bucket": inBucketSchema,
};

/**
 * Every classifier tag's schema, in the descriptor list's order. Marked pure, so that a bundler drops
 * it (and every schema thunk with it) from an app that imports the runtime but never the schema.
 */
export const classifierSchemas: { readonly [K in ClassifierTag]: NodeSchema } = /* @__PURE__ */ mapByTag(classifierDescriptors, (d) => schemaOf[d.tag]());
