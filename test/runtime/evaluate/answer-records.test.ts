import { answerRecord } from "../../../runtime/evaluate/answer-records";
import { OfflineFeature } from "../../../runtime";
import type { JsonValue } from "../../../runtime/model/json";

describe("answerRecord: the error-free answers compiled features return", () => {
  it.each<[string, JsonValue]>([
    ["a string", "match"],
    ["a number", 3],
    ["zero", 0],
    ["a boolean", true],
    ["null", null],
  ])("shares one frozen record among features answering %s from the same bucket", (_, value) => {
    const a = answerRecord(value, "on", "TARGETING_MATCH");
    expect(answerRecord(value, "on", "TARGETING_MATCH")).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual({ value, bucket: "on", reason: "TARGETING_MATCH", errors: [] });
    // Another bucket or reason is another answer.
    expect(answerRecord(value, "off", "TARGETING_MATCH")).not.toBe(a);
    expect(answerRecord(value, "on", "DEFAULT")).not.toBe(a);
  });

  it("never returns the answer of an equal-looking value of another type, nor of 0 for -0", () => {
    const one = answerRecord(1, "b", "TARGETING_MATCH");
    expect(answerRecord("1", "b", "TARGETING_MATCH").value).toBe("1");
    expect(answerRecord(true, "b", "TARGETING_MATCH").value).toBe(true);
    expect(one.value).toBe(1);
    answerRecord(0, "z", "DEFAULT");
    expect(Object.is(answerRecord(-0, "z", "DEFAULT").value, -0)).toBe(true);
  });

  it("gives each object or array value a record of its own, holding that very value", () => {
    const config = { retries: 3 };
    const a = answerRecord(config, "on", "TARGETING_MATCH");
    const b = answerRecord({ retries: 3 }, "on", "TARGETING_MATCH");
    expect(a).not.toBe(b);
    expect(a.value).toBe(config);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("is what two loaded features answer, identical records for identical answers", () => {
    const text = JSON.stringify({ type: "offline-feature", buckets: [{ name: "on", classifier: { __type: "bool.all", value: [] }, value: "yes" }], default: "no" });
    const [f, g] = ["f", "g"].map((key) => OfflineFeature.loads(text, { key }));
    expect(f!.evaluate()).toBe(g!.evaluate());
    expect(f!.evaluate()).toEqual({ value: "yes", bucket: "on", reason: "TARGETING_MATCH", errors: [] });
  });
});
