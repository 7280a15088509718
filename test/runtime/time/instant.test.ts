import fc from "fast-check";
import { instantProblem, parseInstant } from "../../../runtime/time";

describe("parseInstant", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 0],
    ["2026-12-01T00:00:00Z", Date.UTC(2026, 11, 1)],
    ["2026-12-01T00:00:00z", Date.UTC(2026, 11, 1)],
    ["2026-12-01t00:00:00Z", Date.UTC(2026, 11, 1)],
    ["2026-12-01T09:30:00+02:00", Date.UTC(2026, 11, 1, 7, 30)],
    ["2026-12-01T00:00:00-05:30", Date.UTC(2026, 11, 1, 5, 30)],
    ["2026-12-01T00:00:00.5Z", Date.UTC(2026, 11, 1) + 500],
    ["2026-12-01T00:00:00.25Z", Date.UTC(2026, 11, 1) + 250],
    ["2026-12-01T00:00:00.123Z", Date.UTC(2026, 11, 1) + 123],
    ["2026-12-01T00:00:00.123999999Z", Date.UTC(2026, 11, 1) + 123],
    ["2024-02-29T23:59:59Z", Date.UTC(2024, 1, 29, 23, 59, 59)],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29)],
    ["1969-12-31T23:59:59.999Z", -1],
    ["0001-01-01T00:00:00Z", -62135596800000],
  ])("reads %s", (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    ["2026-12-01", "a date without a time"],
    ["2026-12-01T00:00:00", "no time zone"],
    ["2026-12-01 00:00:00Z", "a space instead of T"],
    ["2026-02-30T00:00:00Z", "an impossible day"],
    ["2023-02-29T00:00:00Z", "not a leap year"],
    ["1900-02-29T00:00:00Z", "century, not a leap year"],
    ["2026-13-01T00:00:00Z", "month 13"],
    ["2026-12-01T24:00:00Z", "hour 24"],
    ["2026-12-31T23:59:60Z", "a leap second"],
    ["2026-12-01T00:00:00.Z", "an empty fraction"],
    ["2026-12-01T00:00:00.1234567890Z", "ten fraction digits"],
    ["2026-12-01T00:00:00+2:00", "a one-digit offset"],
    ["2026-12-01T00:00:00+24:00", "offset hour 24"],
    ["2026-12-01T00:00:00Z ", "trailing space"],
    ["+2026-12-01T00:00:00Z", "an expanded year"],
    ["", "empty"],
    ["yesterday", "prose"],
  ])("refuses %s (%s)", (text) => {
    expect(parseInstant(text)).toBeUndefined();
    expect(instantProblem(text)).toMatch(/expected an RFC 3339 instant with a time zone/);
  });

  it("agrees with Date for every instant Date prints", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
      { seed: 42 },
    );
  });

  it("accepts valid instants silently", () => {
    expect(instantProblem("2026-12-01T00:00:00Z")).toBeUndefined();
  });
});
