import type { AttributeTable, OperatorTable } from "./types";
import { all } from "./operators/all";
import { any } from "./operators/any";
import { none } from "./operators/none";
import { lt } from "./operators/lt";
import { lte } from "./operators/lte";
import { gt } from "./operators/gt";
import { gte } from "./operators/gte";
import { eq } from "./operators/eq";
import { ne } from "./operators/ne";
import { regex } from "./operators/regex";
import { oneOf } from "./operators/in";
import { noneOf } from "./operators/notin";
import { startsWith } from "./operators/starts-with";
import { endsWith } from "./operators/ends-with";
import { contains } from "./operators/contains";
import { semverLt } from "./operators/semver-lt";
import { semverLte } from "./operators/semver-lte";
import { semverGt } from "./operators/semver-gt";
import { semverGte } from "./operators/semver-gte";
import { semverEq } from "./operators/semver-eq";
import { before } from "./operators/before";
import { after } from "./operators/after";
import { inBucket } from "./operators/in-bucket";
import { staticNumber } from "./attributes/static-number";
import { hostname } from "./attributes/hostname";
import { sessionRandom } from "./attributes/session-random";
import { errorAttribute } from "./attributes/error";
import { contextBoolean, contextNumber, contextString } from "./attributes/context";
import { env } from "./attributes/env";
import { platform } from "./attributes/platform";
import { now } from "./attributes/now";
import { contextVersion } from "./attributes/context-version";
import { nodeVersion } from "./attributes/node-version";
import { contextTimestamp } from "./attributes/context-timestamp";
import { unitRandom } from "./attributes/unit-random";

/** Every classifier tag's compiler. The type makes a missing or misspelled tag a compile error. */
export const operators: OperatorTable = {
  "bool.all": all,
  "bool.any": any,
  "bool.none": none,
  "comparison.lt": lt,
  "comparison.lte": lte,
  "comparison.gt": gt,
  "comparison.gte": gte,
  "comparison.eq": eq,
  "comparison.ne": ne,
  "re.match": regex,
  "comparison.in": oneOf,
  "comparison.notin": noneOf,
  "str.startswith": startsWith,
  "str.endswith": endsWith,
  "str.contains": contains,
  "semver.lt": semverLt,
  "semver.lte": semverLte,
  "semver.gt": semverGt,
  "semver.gte": semverGte,
  "semver.eq": semverEq,
  "time.before": before,
  "time.after": after,
  "feature.in_bucket": inBucket,
};

/** Every attribute tag's definition. The type makes a missing or misspelled tag a compile error. */
export const attributes: AttributeTable = {
  "static.number": staticNumber,
  "socket.hostname": hostname,
  "random.session": sessionRandom,
  error: errorAttribute,
  "context.string": contextString,
  "context.number": contextNumber,
  "context.boolean": contextBoolean,
  "process.env": env,
  "process.platform": platform,
  "time.now": now,
  "context.version": contextVersion,
  "process.node_version": nodeVersion,
  "context.timestamp": contextTimestamp,
  "random.unit": unitRandom,
};
