/** flagd-core: flagd's flag definition JSON, targeting in JsonLogic with flagd's operators (sem_ver, fractional). */
import type { R2Spec } from "../../cases";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface FlagdCore {
  setConfigurations(json: string): string[];
  resolveStringEvaluation(key: string, defaultValue: string, ctx: object, logger?: unknown): { value: string; reason: string };
}
type FlagdCoreClass = new (storage?: unknown, logger?: unknown) => FlagdCore;

/** flagd logs targeting errors; none are expected, and the check would catch a wrong answer. */
const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

const variants = (...names: string[]) => Object.fromEntries(names.map((n) => [n, n]));
/** ^len.+ without regex (flagd has none): starts with "len" and is not exactly "len". */
const len = [{ starts_with: [{ var: "hostname" }, "len"] }, { "!=": [{ var: "hostname" }, "len"] }];

function r2Targeting(spec: R2Spec): object {
  return {
    if: [{ and: [{ in: [{ var: "country" }, spec.countries] }, { "==": [{ var: "plan" }, spec.plan] }, { sem_ver: [{ var: "appVersion" }, ">=", spec.minVersion] }] }, "match", "default"],
  };
}
const r2Flag = (spec: R2Spec) => ({ state: "ENABLED", variants: variants("match", "default"), defaultVariant: "default", targeting: r2Targeting(spec) });

export const flagd: Evaluator = {
  name: "flagd-core",
  packageName: "@openfeature/flagd-core",
  async setup() {
    const { FlagdCore } = requirePeer<{ FlagdCore: FlagdCoreClass }>("@openfeature/flagd-core");
    const core = new FlagdCore(undefined, quiet);
    core.setConfigurations(
      JSON.stringify({
        flags: {
          r1: {
            state: "ENABLED",
            variants: variants("holdout", "control", "default"),
            defaultVariant: "default",
            targeting: { if: [{ and: [{ "<": [{ var: "sessionRandom" }, 0.1] }, ...len] }, "holdout", { and: [{ "<": [{ var: "sessionRandom" }, 0.9] }, ...len] }, "control", "default"] },
          },
          r2: r2Flag({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" }),
          r3: { state: "ENABLED", variants: variants("treatment", "control"), defaultVariant: "control", targeting: { fractional: [{ var: "userId" }, ["treatment", 10], ["control", 90]] } },
        },
      }),
    );
    const { ambientInput } = await import("../library");
    const ambientCtx = ambientInput();
    let loaded: FlagdCore | undefined;
    return {
      ownHash: true,
      r1: (x) => core.resolveStringEvaluation("r1", "error", x, quiet).value,
      ambient: () => core.resolveStringEvaluation("r1", "error", ambientCtx, quiet).value,
      r2: (x) => core.resolveStringEvaluation("r2", "error", x, quiet).value,
      r3: (x) => core.resolveStringEvaluation("r3", "error", x, quiet).value,
      r4Source: (specs) => JSON.stringify({ flags: Object.fromEntries(specs.map((s) => [s.key, r2Flag(s)])) }),
      r4Load(text, specs, ctx) {
        loaded = new FlagdCore(undefined, quiet);
        loaded.setConfigurations(text);
        const l = loaded;
        return specs.map((s) => l.resolveStringEvaluation(s.key, "error", ctx, quiet).value);
      },
    };
  },
};
