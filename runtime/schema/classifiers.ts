import type { ClassifierTag } from "../model/classifier";
import { ref, type JsonSchema, type NodeSchema } from "./types";

const comparison = (description: string): NodeSchema => ({ description, properties: { attribute: ref("attribute"), value: ref("scalar") }, required: ["attribute", "value"] });
const membership = (description: string): NodeSchema => ({
  description,
  properties: { attribute: ref("attribute"), value: { type: "array", items: ref("scalar") } },
  required: ["attribute", "value"],
});
const stringTest = (description: string): NodeSchema => ({ description, properties: { attribute: ref("attribute"), value: { type: "string" } }, required: ["attribute", "value"] });
const versionOrder = (description: string): NodeSchema => ({
  description: `${description} by SemVer 2.0 precedence (a prerelease sorts before its release; build metadata is ignored).`,
  properties: { attribute: ref("versionAttribute"), value: ref("version") },
  required: ["attribute", "value"],
});
const timeOrder = (description: string): NodeSchema => ({ description, properties: { attribute: ref("timeAttribute"), value: ref("instant") }, required: ["attribute", "value"] });
const children: JsonSchema = { type: "array", items: ref("classifier") };

/** Every classifier tag's schema. The type makes a missing tag a compile error. */
export const classifierSchemas: { readonly [K in ClassifierTag]: NodeSchema } = {
  "bool.all": { description: "Every rule is true (left to right, stopping at the first false). Empty: true.", properties: { value: children }, required: ["value"] },
  "bool.any": { description: "Some rule is true (left to right, stopping at the first true). Empty: false.", properties: { value: children }, required: ["value"] },
  "bool.none": {
    description: 'Negation of a rule (an error stays an error), or PyOF\'s test of a literal: true for "", 0, false and [].',
    properties: { value: { anyOf: [ref("classifier"), ref("noneLiteral")] } },
    required: ["value"],
  },
  "comparison.lt": comparison("attribute < value; false unless both are numbers."),
  "comparison.lte": comparison("attribute <= value; false unless both are numbers."),
  "comparison.gt": comparison("attribute > value; false unless both are numbers."),
  "comparison.gte": comparison("attribute >= value; false unless both are numbers."),
  "comparison.eq": comparison("attribute equals value: the same number, string or boolean, never coerced."),
  "comparison.ne": comparison("attribute differs from a value of the same type; false for different types."),
  "re.match": { description: "Unanchored regex search over a string attribute.", properties: { attribute: ref("attribute"), value: ref("pattern") }, required: ["attribute", "value"] },
  "comparison.in": membership("attribute is one of the listed scalars (no coercion)."),
  "comparison.notin": membership("attribute is a scalar that is none of the listed ones."),
  "str.startswith": stringTest("A string attribute starts with value (case-sensitive)."),
  "str.endswith": stringTest("A string attribute ends with value (case-sensitive)."),
  "str.contains": stringTest("A string attribute contains value (case-sensitive)."),
  "semver.lt": versionOrder("version < value"),
  "semver.lte": versionOrder("version <= value"),
  "semver.gt": versionOrder("version > value"),
  "semver.gte": versionOrder("version >= value"),
  "semver.eq": versionOrder("version = value"),
  "time.before": timeOrder("The time attribute is strictly before the instant."),
  "time.after": timeOrder("The time attribute is at or after the instant."),
  "feature.in_bucket": {
    description: 'The feature `feature`, evaluated with the same context, lands in one of the listed buckets ("default" included).',
    properties: { feature: ref("featureKey"), value: { type: "array", items: { type: "string" }, minItems: 1 } },
    required: ["feature", "value"],
  },
};
