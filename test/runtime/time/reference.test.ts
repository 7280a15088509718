import fc from "fast-check";
import { Temporal } from "@js-temporal/polyfill";
import { parseInstant } from "../../../runtime/time";
import { fuzzOptions } from "../../support/fuzz";

/*
 * Differential test of the runtime's RFC 3339 scanner against `Temporal.Instant.from`, from the
 * TC39 Temporal champions' polyfill: the reference reading of ISO 8601 / RFC 3339 instants. The
 * runtime keeps its own scanner because it parses a context timestamp on every evaluation without
 * allocating. Both see the same generated inputs; the deliberate differences, each asserted below:
 *
 *   - a leap second (`23:59:60`): Temporal reads it as `23:59:59`; the runtime refuses it, since
 *     epoch milliseconds cannot hold it and a silent clamp would move a rule's boundary;
 *   - forms outside RFC 3339 that ISO 8601 allows and Temporal accepts (a space for `T`, offsets
 *     without a colon or minutes, extended years, bracketed annotations): the runtime refuses
 *     them, so a file means the same in PyOF, whose reader is RFC 3339 only.
 *
 * Everything else agrees exactly: impossible dates refused, lower-case `t`/`z`, offsets, and
 * fractions past milliseconds truncated toward the earlier instant (Temporal's epochMilliseconds
 * floors the same way).
 */

const SEED = 20261202;

function reference(text: string): number | undefined {
  try {
    return Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    return undefined;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** RFC 3339 date-times from the grammar, with days past the month's end and leap seconds mixed in. */
const rfc3339 = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    separator: fc.constantFrom("T", "t"),
    offset: fc.oneof(fc.constantFrom("Z", "z"), fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`)),
  })
  .map((p) => ({
    second: p.second,
    text: `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction === undefined ? "" : `.${p.fraction}`}${p.offset}`,
  }));

describe("RFC 3339 instants against Temporal.Instant.from", () => {
  it("reads every RFC 3339 date-time as Temporal does, refusing the impossible dates it refuses; leap seconds are refused", () => {
    fc.assert(
      fc.property(rfc3339, ({ text, second }) => {
        if (second === 60) expect([text, parseInstant(text)]).toEqual([text, undefined]);
        else expect([text, parseInstant(text)]).toEqual([text, reference(text)]);
      }),
      fuzzOptions(1_500, SEED),
    );
  });

  /** Instant-like text: the pieces instants are made of, glued in random order. */
  const instantish = fc
    .array(fc.constantFrom("2026", "0000", "12", "01", "31", "29", "02", "60", "-", "-", ":", ":", "T", "t", " ", "Z", "z", "+", ".", "5", "123456789", "00", "[UTC]", "+01", "+0100"), { maxLength: 14 })
    .map((parts) => parts.join(""));

  it("never accepts text the reference refuses, nor reads it as another instant", () => {
    fc.assert(
      fc.property(fc.oneof(instantish, fc.string({ maxLength: 40 })), (text) => {
        const ours = parseInstant(text);
        if (ours !== undefined) expect([text, ours]).toEqual([text, reference(text)]);
      }),
      fuzzOptions(1_500, SEED),
    );
  });

  it.each([
    ["a space instead of T", "2026-12-01 00:00:00Z"],
    ["an offset without a colon", "2026-12-01T00:00:00+0100"],
    ["an offset without minutes", "2026-12-01T00:00:00+01"],
    ["an extended year", "+002026-12-01T00:00:00Z"],
    ["a bracketed annotation", "2026-12-01T00:00:00Z[UTC]"],
  ])("refuses %s, an ISO 8601 form Temporal accepts and RFC 3339 does not", (_, text) => {
    expect(reference(text)).toEqual(expect.any(Number));
    expect(parseInstant(text)).toBeUndefined();
  });

  it("refuses a leap second that Temporal clamps to :59", () => {
    expect(reference("2026-12-31T23:59:60Z")).toBe(reference("2026-12-31T23:59:59Z"));
    expect(parseInstant("2026-12-31T23:59:60Z")).toBeUndefined();
  });
});
