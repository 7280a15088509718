import { evaluateWithTrace, OfflineFeature, type Classifier } from "../../../runtime";
import { pinnableKeys } from "../../../runtime/compile/traits";
import { memoContext } from "../../../runtime/evaluate/context";
import { processHostname, processSessionRandom } from "../../../runtime/compile/ambient";

/*
 * A process-constant feature computes its memo with the process's own values filled in under the
 * keys its attributes read them from (runtime/evaluate/context.ts, memoContext), for V8's sake.
 * The memo must still be the answer no context gives: a key is filled only where every attribute
 * reading it would read the filled value as it reads its absence.
 */
const hostname = { __type: "socket.hostname" };
const session = { __type: "random.session" };
const salted = { __type: "random.session", salt: "s" };
const lt = (attribute: object, value: number) => ({ __type: "comparison.lt", attribute, value }) as unknown as Classifier;
const matches = (attribute: object, value: string) => ({ __type: "re.match", attribute, value }) as unknown as Classifier;
const all = (...value: Classifier[]) => ({ __type: "bool.all", value }) as unknown as Classifier;
const byHostname = { __type: "random.unit", attribute: hostname, salt: "u" };

describe("the keys a memo is computed with", () => {
  it.each([
    ["hostname and an unsalted session random", [all(lt(session, 0.5), matches(hostname, "^len"))], ["hostname", "sessionRandom"]],
    ["a salted session random beside an unsalted one: not sessionRandom", [lt(session, 0.5), lt(salted, 0.5), matches(hostname, ".")], ["hostname"]],
    ["a salted session random alone", [lt(salted, 0.5)], []],
    ["the hostname inside a rollout's unit", [lt(byHostname, 0.5)], ["hostname"]],
    ["nothing pinnable", [{ __type: "comparison.eq", attribute: { __type: "process.platform" }, value: "linux" } as unknown as Classifier], []],
  ] as const)("%s", (_what, rules, keys) => {
    expect([...pinnableKeys(rules)].sort()).toEqual([...keys]);
  });

  it("fills in the process's own values, in one order", () => {
    const both = memoContext(new Set(["sessionRandom", "hostname"]));
    expect(Object.keys(both)).toEqual(["hostname", "sessionRandom"]);
    expect(both).toEqual({ hostname: processHostname(), sessionRandom: processSessionRandom() });
    expect(memoContext(new Set())).toEqual({});
  });
});

describe("a memo is the answer no context gives", () => {
  // Ten buckets by tenths of the number: a pinned number that differed from the one no context
  // reads would land in another tenth with nine chances in ten.
  const tenths = (attribute: object, extra: Classifier[] = []) =>
    JSON.stringify({
      type: "offline-feature",
      buckets: Array.from({ length: 10 }, (_, i) => ({ name: `t${i}`, classifier: all(lt(attribute, (i + 1) / 10), ...extra), value: i })),
      default: -1,
    });

  it.each([
    ["an unsalted session random", tenths(session)],
    ["a salted session random", tenths(salted)],
    ["a salted session random beside an unsalted one", tenths(salted, [lt(session, 1)])],
    ["a rollout by hostname", tenths(byHostname, [matches(hostname, ".")])],
  ])("%s", (_what, json) => {
    const feature = OfflineFeature.loads(json, { key: "memo" });
    // The tracer compiles its own evaluator, without a memo: the rules run with no context at all.
    const unmemoized = evaluateWithTrace(feature);
    expect(feature.evaluate()).toMatchObject({ value: unmemoized.value, bucket: unmemoized.bucket, reason: unmemoized.reason });
  });
});
