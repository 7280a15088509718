import { murmur3x86_32, unitInterval } from "../../../runtime/hash";
import { compileAttribute } from "../../../runtime/compile/scope";
import type { Attribute } from "../../../runtime/model/attribute";
import vectors from "../../fixtures/rollout-vectors.json";
import murmur3Vectors from "../../fixtures/murmur3-vectors.json";

/** The value `random.unit` gives for this unit and salt, read through the compiled getter. */
function rolloutNumber(salt: string, unit: string | number): unknown {
  const attribute: Attribute = {
    __type: "random.unit",
    attribute: typeof unit === "string" ? { __type: "context.string", name: "unit" } : { __type: "context.number", name: "unit" },
    salt,
  };
  return compileAttribute({}, "b", "p", attribute)({ unit });
}

describe("rollout vectors", () => {
  it.each(vectors)("$input hashes to $hash", ({ salt, unit, input, hash, unit_interval }) => {
    expect(input).toBe(`${salt}:${String(unit)}`);
    expect(murmur3x86_32(input)).toBe(hash);
    expect(unitInterval(input)).toBe(unit_interval);
    expect(unit_interval).toBe(hash / 2 ** 32);
  });

  it.each(vectors)("random.unit gives $unit_interval for unit $unit with salt $salt", ({ salt, unit, unit_interval }) => {
    expect(rolloutNumber(salt, unit)).toBe(unit_interval);
  });

  it("agrees with the C-checked murmur3 vectors wherever they share an input", () => {
    const shared = vectors.filter((v) => murmur3Vectors.some((m) => m.seed === 0 && m.input === v.input));
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const v of shared) expect(murmur3Vectors.find((m) => m.seed === 0 && m.input === v.input)!.hash).toBe(v.hash);
  });
});
