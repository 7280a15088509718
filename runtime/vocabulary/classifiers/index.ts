import { all } from "./bool-all";
import { any } from "./bool-any";
import { none } from "./bool-none";
import { lt } from "./comparison-lt";
import { lte } from "./comparison-lte";
import { gt } from "./comparison-gt";
import { gte } from "./comparison-gte";
import { eq } from "./comparison-eq";
import { ne } from "./comparison-ne";
import { regex } from "./re-match";
import { oneOf } from "./comparison-in";
import { noneOf } from "./comparison-notin";
import { startsWith } from "./str-startswith";
import { endsWith } from "./str-endswith";
import { contains } from "./str-contains";
import { semverLt } from "./semver-lt";
import { semverLte } from "./semver-lte";
import { semverGt } from "./semver-gt";
import { semverGte } from "./semver-gte";
import { semverEq } from "./semver-eq";
import { before } from "./time-before";
import { after } from "./time-after";
import { inBucket } from "./feature-in-bucket";

/**
 * Every classifier, one descriptor per tag, in the order the schema lists them. Adding a tag is
 * adding its descriptor here; every table (codec union, compilers, schema, walker, codegen's
 * views) is built from this list, and the codegen tables' types then ask for the new tag.
 */
export const classifierDescriptors = [
  all,
  any,
  none,
  lt,
  lte,
  gt,
  gte,
  eq,
  ne,
  regex,
  oneOf,
  noneOf,
  startsWith,
  endsWith,
  contains,
  semverLt,
  semverLte,
  semverGt,
  semverGte,
  semverEq,
  before,
  after,
  inBucket,
] as const;

export { ALWAYS } from "./bool-all";
export { isFalsyLiteral, type NoneNode } from "./bool-none";
export type { InBucketNode } from "./feature-in-bucket";
export type { JunctionNode } from "./shapes/junction";
export type { AttributeTest, ComparisonNode } from "./shapes/reads-attribute";
export type { MembershipNode } from "./shapes/membership";
export type { StringTestNode } from "./shapes/string-test";
export type { VersionComparisonNode } from "./shapes/version-order";
export type { TimeComparisonNode } from "./shapes/instant-order";
