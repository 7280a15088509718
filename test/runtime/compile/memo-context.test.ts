import { evaluateWithTrace, OfflineFeature, type Attribute, type Classifier } from "../../../runtime";
import { attributeDescriptors } from "../../../runtime/vocabulary/attributes";
import { compileAttribute } from "../../../runtime/compile/scope";
import { pinnableKeys } from "../../../runtime/compile/traits";
import { memoContext } from "../../../runtime/evaluate/context";
import { processHostname, processSessionId, processSessionRandom } from "../../../runtime/compile/ambient";
import { murmur3Prefix, unitIntervalAfter } from "../../../runtime/hash";

// The process's draws fixed, so that a salted number and the unsalted one fall in different tenths
// (checked below): a memo that took one for the other gives another bucket, every run.
// The hostname through a mock, so that one test can make reading it throw.
jest.mock("../../../runtime/compile/ambient", () => {
  const actual = jest.requireActual("../../../runtime/compile/ambient");
  return { ...actual, processHostname: jest.fn(actual.processHostname), processSessionRandom: () => 0.05, processSessionId: () => "memo-test-session" };
});

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
    const { value, bucket, reason, errors } = evaluateWithTrace(feature);
    const memo = feature.evaluate();
    expect(memo).toEqual({ value, bucket, reason, errors });
    // Memoized: the same record again.
    expect(feature.evaluate()).toBe(memo);
  });

  it("keeps the salted number apart from the unsalted one (the premise of the cases above)", () => {
    const saltedTenth = Math.floor(unitIntervalAfter(murmur3Prefix("s:"), processSessionId()) * 10);
    expect(saltedTenth).not.toBe(Math.floor(processSessionRandom() * 10));
    const feature = OfflineFeature.loads(tenths(salted), { key: "memo" });
    expect(feature.evaluate().bucket).toBe(`t${saltedTenth}`);
  });

  it("never throws when the hostname cannot be read: the rules meet the throw and report it", () => {
    const feature = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", buckets: [{ name: "len", classifier: matches(hostname, "^len"), value: 1 }], default: 0 }), { key: "memo" });
    // A first call with a context compiles the feature: the memo's call below is then the feature's
    // own evaluator, unguarded, not the first call's (which catches what compiling throws).
    expect(feature.evaluate({ hostname: "lenovo" }).bucket).toBe("len");
    const read = processHostname as jest.MockedFunction<typeof processHostname>;
    read.mockImplementation(() => {
      throw new Error("no hostname");
    });
    try {
      const details = feature.evaluate();
      expect(details).toMatchObject({ value: 0, bucket: "default", reason: "ERROR" });
      expect(details.errors.map(String)).toEqual([expect.stringContaining("no hostname")]);
    } finally {
      read.mockImplementation(jest.requireActual("../../../runtime/compile/ambient").processHostname);
    }
  });
});

/*
 * The memo fills `hostname` and `sessionRandom` on the word of the attributes that declare
 * ambientPin. Every other process-wide attribute must read the same with those keys filled as
 * without them: here each is compiled and read both ways, so a new one that reads either key
 * without declaring it fails, and one with no sample here fails too, asking for one.
 */
describe("process-wide attributes without ambientPin do not read the keys a memo fills", () => {
  const samples: Record<string, object> = {
    "static.number": { __type: "static.number", value: 3 },
    error: { __type: "error" },
    "process.env": { __type: "process.env", name: "HOME" },
    "process.platform": { __type: "process.platform" },
    "process.node_version": { __type: "process.node_version" },
    "random.unit": { __type: "random.unit", attribute: { __type: "static.number", value: 7 }, salt: "u" },
  };
  const unpinned = attributeDescriptors.filter((d) => d.processConstant && d.ambientPin === undefined);

  it.each(unpinned.map((d) => [d.tag]))("%s", (tag) => {
    const sample = samples[tag];
    if (sample === undefined) throw new Error(`add a sample node for ${tag} to this test`);
    const read = compileAttribute({ featureKey: "memo" }, "b", "", sample as Attribute);
    const filled = { hostname: "not-this-machine", sessionRandom: 0.999 };
    expect(comparable(read(filled))).toEqual(comparable(read({})));
  });

  /** Errors as their text (each read builds its own record); values as they are. */
  function comparable(value: unknown): unknown {
    return value instanceof Error ? String(value) : value;
  }
});
