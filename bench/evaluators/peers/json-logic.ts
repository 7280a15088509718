/**
 * json-logic-js: plain JsonLogic rules applied to the context. JsonLogic has no regex, semver or
 * hash, so R1 uses substr, and R2/R3 use operations added through its own `add_operation`.
 */
import type { R2Spec } from "../../cases";
import { murmur3Ascii, packedVersion } from "../floor";
import type { Evaluator } from "../types";
import { requirePeer } from "./require-peer";

interface JsonLogic {
  apply(rule: unknown, data: unknown): unknown;
  add_operation(name: string, fn: (...args: never[]) => unknown): void;
}

const len = [{ "==": [{ substr: [{ var: "hostname" }, 0, 3] }, "len"] }, { "!=": [{ var: "hostname" }, "len"] }];
const r2Rule = (s: R2Spec) => ({ if: [{ and: [{ in: [{ var: "country" }, s.countries] }, { "==": [{ var: "plan" }, s.plan] }, { semver_gte: [{ var: "appVersion" }, s.minVersion] }] }, "match", "default"] });

export const jsonLogic: Evaluator = {
  name: "json-logic-js",
  packageName: "json-logic-js",
  async setup() {
    const logic = requirePeer<JsonLogic>("json-logic-js");
    logic.add_operation("semver_gte", ((a: string, b: string) => packedVersion(a) >= packedVersion(b)) as never);
    logic.add_operation("unit_random", ((salt: string, unit: string) => murmur3Ascii(`${salt}:${unit}`) / 4294967296) as never);
    const r1 = { if: [{ and: [{ "<": [{ var: "sessionRandom" }, 0.1] }, ...len] }, "holdout", { and: [{ "<": [{ var: "sessionRandom" }, 0.9] }, ...len] }, "control", "default"] };
    const r2 = r2Rule({ key: "r2", countries: ["US", "CA", "GB"], plan: "pro", minVersion: "2.3.0" });
    const r3 = { if: [{ "<": [{ unit_random: ["r3", { var: "userId" }] }, 0.1] }, "treatment", "control"] };
    const { ambientInput } = await import("../library");
    const ambientCtx = ambientInput();
    const held: { loaded: unknown } = { loaded: undefined };
    return {
      r1: (x) => logic.apply(r1, x) as string,
      ambient: () => logic.apply(r1, ambientCtx) as string,
      r2: (x) => logic.apply(r2, x) as string,
      r3: (x) => logic.apply(r3, x) as string,
      r4Source: (specs) => JSON.stringify(Object.fromEntries(specs.map((s) => [s.key, r2Rule(s)]))),
      r4Load(text, specs, ctx) {
        const rules = JSON.parse(text) as Record<string, unknown>;
        held.loaded = rules;
        return specs.map((s) => logic.apply(rules[s.key], ctx) as string);
      },
      r4Release: () => {
        held.loaded = undefined;
      },
    };
  },
};
