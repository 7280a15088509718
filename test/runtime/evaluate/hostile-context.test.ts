import { OfflineFeature, type EvaluationContext } from "../../../runtime";

/*
 * A context whose reads throw (a getter or a proxy) still gets an answer: the default, reason
 * ERROR, with the throw reported. The first evaluation runs through OfflineFeature's prototype
 * `evaluate`, later ones through the compiled evaluator the feature installs as its own, which has
 * no guard around it: both must answer, for each kind of compiled feature.
 */

const FEATURES: Record<string, object> = {
  "process-constant (memoized)": {
    buckets: [{ name: "len", classifier: { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len.+" }, value: 1 }],
    default: 0,
  },
  "context-reading": {
    buckets: [{ name: "fr", classifier: { __type: "comparison.in", attribute: { __type: "context.string", name: "country" }, value: ["FR"] }, value: 1 }],
    default: 0,
  },
  "with node_versions": {
    node_versions: ">=18",
    buckets: [{ name: "fr", classifier: { __type: "comparison.in", attribute: { __type: "context.string", name: "country" }, value: ["FR"] }, value: 1 }],
    default: 0,
  },
};

const throwingProxy = new Proxy({}, { get: () => { throw new Error("hostile read"); }, has: () => { throw new Error("hostile has"); } }) as EvaluationContext;
const throwingGetters = Object.defineProperties({}, {
  hostname: { get: () => { throw new Error("hostile hostname"); }, enumerable: true },
  country: { get: () => { throw new Error("hostile country"); }, enumerable: true },
  nodeVersion: { get: () => { throw new Error("hostile nodeVersion"); }, enumerable: true },
}) as EvaluationContext;

describe.each(Object.entries(FEATURES))("a %s feature", (_kind, body) => {
  it.each([["a proxy that throws on every read", throwingProxy], ["throwing getters", throwingGetters]])("answers its default with the error for %s, on the first call and later ones", (_how, ctx) => {
    const feature = OfflineFeature.loads(JSON.stringify({ type: "offline-feature", ...body }));
    for (let call = 0; call < 3; call++) {
      const details = feature.evaluate(ctx);
      expect(details.value).toBe(0);
      expect(details.bucket).toBe("default");
      expect(details.reason).toBe("ERROR");
      expect(details.errors.map((e) => e.message).join("; ")).toMatch(/hostile/);
    }
    // And a plain context afterwards is still answered by the rules.
    expect(feature.evaluate({ country: "FR", hostname: "lenovo" }).value).toBe(1);
  });
});

describe("a process-constant feature whose ambient check meets a throwing getter", () => {
  it("answers the default with that one error, whichever buckets the session random would have reached", () => {
    const seed = OfflineFeature.loads(JSON.stringify({
      type: "offline-feature",
      buckets: ["holdout", "control"].map((name, i) => ({
        name,
        classifier: { __type: "bool.all", value: [
          { __type: "comparison.lt", attribute: { __type: "random.session" }, value: i === 0 ? 0.1 : 0.9 },
          { __type: "re.match", attribute: { __type: "socket.hostname" }, value: "^len.+" },
        ] },
        value: name,
      })),
      default: "default",
    }));
    for (const sessionRandom of [0.05, 0.5, 0.95]) {
      const ctx = Object.defineProperty({ sessionRandom }, "hostname", { enumerable: true, get: () => { throw new Error("hostile hostname"); } }) as EvaluationContext;
      for (let call = 0; call < 2; call++) {
        const details = seed.evaluate(ctx);
        expect([details.value, details.reason, details.errors.map((e) => e.code)]).toEqual(["default", "ERROR", ["ATTRIBUTE_ERROR"]]);
      }
    }
  });
});
