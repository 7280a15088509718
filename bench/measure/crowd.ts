/**
 * Evaluation in a crowded process. The benchmark times R1 to R3 in a process that holds little
 * else; an application holds many features over many context keys, and what V8 makes of a
 * closure's load and call sites depends on everything else that ran through the same code. Each
 * rule is timed alone in one fresh process, and in another after a crowd of 300 other features of
 * its kind has been evaluated 2,000 times each (the crowd first, then the rule warmed and timed,
 * as in a process that was serving before this rule was first asked):
 * - `strings`: R2's rule (`country in […] and plan == "pro" and appVersion >= 2.3.0`), the crowd
 *   eq, in, ne and startswith over `keys` string keys, in junctions of 1 to 4 and in 1 or 2 buckets;
 * - `rollout`: R3's rule (`unit random of userId < 0.1`), the crowd rollouts over 6 unit keys;
 * - `numbers`: `age >= 18 and score < 0.5` over context numbers, the crowd 300 orderings over
 *   `keys` number keys (more operator × key pairs than the orderings have closure copies);
 * - `number-equality`: `price in [1.5, 2.5, 3.5] and tier == 2`, the crowd eq, ne and in over
 *   `keys` number keys (these go through the getter: no closure of their own);
 * - `patterns`: `host ~ /^len.+/ and region startswith "eu-"`, the crowd regexes and startswith
 *   over `keys` string keys.
 * Nanoseconds per evaluation, the median of 7 runs of 2,000,000. `keys` (30 unless given) is how
 * many further context keys the crowd reads, every one of them: past the context readers' pool
 * (runtime/vocabulary/attributes/shapes/context-reader.ts, 64 readers, two of them the rule's
 * own), keys share readers whose load sites are megamorphic, and the rules slow down.
 *
 *   node -r ts-node/register/transpile-only bench/measure/crowd.ts [processes] [keys]
 */
import { performance } from "node:perf_hooks";
import { OfflineFeature, type EvaluationContext, type JsonValue } from "../../runtime";
import { runTs, jsonOf } from "./child";

const CHILD_FLAG = "--crowd-child";
const KINDS = ["strings", "rollout", "numbers", "number-equality", "patterns"] as const;
type Kind = (typeof KINDS)[number];

const load = (rule: JsonValue, key: string, buckets = 1): OfflineFeature =>
  OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "a", classifier: rule, value: true }, { name: "b", classifier: rule, value: 2 }].slice(0, buckets), default: false }), { key });
const string = (name: string) => ({ __type: "context.string", name });
const number = (name: string) => ({ __type: "context.number", name });
const unit = (name: string, salt?: string) => ({ __type: "random.unit", attribute: string(name), ...(salt === undefined ? {} : { salt }) });
const ORDERINGS = ["comparison.lt", "comparison.lte", "comparison.gt", "comparison.gte"];

interface Case {
  readonly rule: OfflineFeature;
  readonly inputs: readonly EvaluationContext[];
  readonly crowd: readonly OfflineFeature[];
  readonly crowdContext: EvaluationContext;
}

function caseOf(kind: Kind, keyCount: number): Case {
  const keys = Array.from({ length: keyCount }, (_, i) => `k${i}`);
  switch (kind) {
    case "strings": {
      const ops = ["comparison.eq", "comparison.in", "comparison.ne", "str.startswith"];
      let next = 0;
      return {
        rule: load({ __type: "bool.all", value: [
          { __type: "comparison.in", attribute: string("country"), value: ["US", "CA", "GB"] },
          { __type: "comparison.eq", attribute: string("plan"), value: "pro" },
          { __type: "semver.gte", attribute: { __type: "context.version", name: "appVersion" }, value: "2.3.0" },
        ] }, "r2"),
        inputs: Array.from({ length: 500 }, (_, i) => ({ country: ["US", "CA", "GB", "DE", "FR"][i % 5]!, plan: ["pro", "free"][i % 2]!, appVersion: `2.${i % 6}.0` })),
        crowd: Array.from({ length: 300 }, (_, i) => {
          const parts = Array.from({ length: 1 + (i % 4) }, (_, j) => {
            const op = ops[(i + j) % ops.length]!;
            // Keys in turn, so that the crowd reads every one of them (checked below).
            return { __type: op, attribute: string(keys[next++ % keys.length]!), value: op === "comparison.in" ? ["a", "b", "c"] : "a" };
          });
          return load({ __type: i % 3 === 0 ? "bool.any" : "bool.all", value: parts }, `crowd-${i}`, 1 + (i % 2));
        }),
        crowdContext: Object.fromEntries(keys.map((k, i) => [k, i % 2 === 0 ? "a" : "b"])),
      };
    }
    case "rollout": {
      const units = ["userId", "orgId", "deviceId", "accountId", "teamId", "sessionKey"];
      return {
        rule: load({ __type: "comparison.lt", attribute: unit("userId", "r3"), value: 0.1 }, "r3"),
        inputs: Array.from({ length: 10_000 }, (_, i) => ({ userId: `user-${i}` })),
        crowd: Array.from({ length: 300 }, (_, i) => load({ __type: ORDERINGS[i % 4]!, attribute: unit(units[i % units.length]!), value: (i % 10) / 10 }, `rollout-${i}`)),
        crowdContext: Object.fromEntries(units.map((k) => [k, "someone"])),
      };
    }
    case "numbers":
      return {
        rule: load({ __type: "bool.all", value: [{ __type: "comparison.gte", attribute: number("age"), value: 18 }, { __type: "comparison.lt", attribute: number("score"), value: 0.5 }] }, "adults"),
        inputs: Array.from({ length: 512 }, (_, i) => ({ age: i % 40, score: (i % 10) / 10 })),
        crowd: Array.from({ length: 300 }, (_, i) => load({ __type: ORDERINGS[i % 4]!, attribute: number(keys[i % keys.length]!), value: 0.5 }, `numbers-${i}`)),
        crowdContext: Object.fromEntries(keys.map((k, i) => [k, i / 30])),
      };
    case "number-equality":
      return {
        rule: load({ __type: "bool.all", value: [{ __type: "comparison.in", attribute: number("price"), value: [1.5, 2.5, 3.5] }, { __type: "comparison.eq", attribute: number("tier"), value: 2 }] }, "prices"),
        inputs: Array.from({ length: 512 }, (_, i) => ({ price: [1.5, 2.5, 9.99, 4.25][i % 4]!, tier: i % 3 })),
        crowd: Array.from({ length: 300 }, (_, i) => {
          const op = ["comparison.eq", "comparison.ne", "comparison.in"][i % 3]!;
          return load({ __type: op, attribute: number(keys[i % keys.length]!), value: op === "comparison.in" ? [0.25, 0.5] : 0.5 }, `equal-${i}`);
        }),
        crowdContext: Object.fromEntries(keys.map((k, i) => [k, i / 30])),
      };
    case "patterns": {
      const patterns = ["^a", "b$", "c.d", "^[a-z]+$", "x|y", "(ab)+", "^len", "[0-9]+", "foo", "^bar.*baz$"];
      return {
        rule: load({ __type: "bool.all", value: [{ __type: "re.match", attribute: string("host"), value: "^len.+" }, { __type: "str.startswith", attribute: string("region"), value: "eu-" }] }, "hosts"),
        inputs: Array.from({ length: 512 }, (_, i) => ({ host: i % 3 === 0 ? `host${i}` : `len${i}`, region: i % 2 === 0 ? "eu-west" : "us-east" })),
        crowd: Array.from({ length: 300 }, (_, i) =>
          load(i % 2 === 0 ? { __type: "re.match", attribute: string(keys[i % keys.length]!), value: patterns[i % patterns.length]! } : { __type: "str.startswith", attribute: string(keys[i % keys.length]!), value: "ab" }, `pattern-${i}`)),
        crowdContext: Object.fromEntries(keys.map((k, i) => [k, `abc${i}`])),
      };
    }
  }
}

/** ns per evaluation of `rule` over `inputs`: the median of 7 runs. */
function time({ rule, inputs }: Case): number {
  const runs: number[] = [];
  let matched = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    for (let i = 0; i < 2_000_000; i++) if (rule.evaluate(inputs[i % inputs.length]).bucket !== "default") matched++;
    runs.push(((performance.now() - start) * 1e6) / 2_000_000);
  }
  if (matched === 0) throw new Error("the timed rule never matched: a misconfigured case");
  return Math.round(runs.sort((a, b) => a - b)[3]! * 100) / 100;
}

/** The context keys the crowd's rules read (they must be all of them). */
function keysRead(crowd: readonly OfflineFeature[]): Set<string> {
  const keys = new Set<string>();
  const visit = (u: unknown): void => {
    if (Array.isArray(u)) u.forEach(visit);
    else if (typeof u === "object" && u !== null) {
      const node = u as Record<string, unknown>;
      if (typeof node.__type === "string" && node.__type.startsWith("context.") && typeof node.name === "string") keys.add(node.name);
      Object.values(node).forEach(visit);
    }
  };
  for (const feature of crowd) visit(feature.model);
  return keys;
}

/** `crowd`: the crowd runs first, then the rule is warmed and timed; otherwise the rule alone. */
function child(kind: Kind, keyCount: number, crowd: boolean): number {
  const c = caseOf(kind, keyCount);
  if (crowd) {
    const read = keysRead(c.crowd);
    if (kind !== "rollout" && read.size !== keyCount) throw new Error(`the ${kind} crowd reads ${read.size} of its ${keyCount} keys`);
    for (let round = 0; round < 2_000; round++) for (const feature of c.crowd) feature.evaluate(c.crowdContext);
  }
  for (let i = 0; i < 1_000_000; i++) c.rule.evaluate(c.inputs[i % c.inputs.length]);
  return time(c);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    process.stdout.write(`${JSON.stringify(child(args[1] as Kind, Number(args[2]), args[3] === "crowd"))}\n`);
  } else {
    const processes = Number(args[0] ?? 2);
    const keyCount = Number(args[1] ?? 30);
    const run = (kind: Kind, mode: "alone" | "crowd") => jsonOf<number>(runTs(__filename, [CHILD_FLAG, kind, String(keyCount), mode]), `crowd.ts ${kind} ${mode}`);
    for (const kind of KINDS) {
      const alone: number[] = [];
      const crowded: number[] = [];
      for (let i = 0; i < processes; i++) {
        alone.push(run(kind, "alone"));
        crowded.push(run(kind, "crowd"));
      }
      console.log(`${kind.padEnd(15)} alone ${alone.join(", ")} ns; in a crowd over ${kind === "rollout" ? 6 : keyCount} keys ${crowded.join(", ")} ns`);
    }
  }
}
