/**
 * Input limits: how much a document may hold before any work is done on it. Feature files come
 * from many authors and bundles from the network, so every loader checks these first (bytes before
 * `JSON.parse`, the rest on the parsed value with an explicit stack; a bundle parsed from text has
 * its depth and values counted by the decoder's own walk, which stops at the first value past a
 * limit and measures whatever it hands to a recursive check before handing it over) and refuses
 * with an error that names the limit and how to raise it. The defaults are far above any real project: the generated
 * bundle of 1,000 realistic features is under 2 MB, 7 levels deep, with a few buckets each.
 */
export interface InputLimits {
  /** UTF-8 bytes of a document (a feature or a bundle), checked before parsing. */
  readonly bytes: number;
  /** Nesting depth of a document (objects and arrays), for a single feature; a bundle gets 2 more. */
  readonly depth: number;
  /** Values (scalars, objects, arrays) in a document. */
  readonly values: number;
  /** Buckets in one feature. */
  readonly buckets: number;
  /** Features in one bundle. */
  readonly features: number;
  /** Longest chain of prerequisites in a bundle (a → b → c is 2), at most {@link MAX_PREREQUISITE_DEPTH}. */
  readonly prerequisiteDepth: number;
}

/**
 * How deep evaluation nests prerequisites before it gives up with a `PREREQUISITE_ERROR` (a cycle a
 * resolver hands back after load). No limit may be raised past it: it bounds the stack.
 */
export const MAX_PREREQUISITE_DEPTH = 256;

/** The defaults: 16 MiB, 256 levels, 2,000,000 values, 10,000 buckets, 10,000 features, 32 prerequisites deep. */
export const DEFAULT_LIMITS: InputLimits = Object.freeze({
  bytes: 16 * 1024 * 1024,
  depth: 256,
  values: 2_000_000,
  buckets: 10_000,
  features: 10_000,
  prerequisiteDepth: 32,
});

/** The hard ceilings: past them the guarantees (no stack overflow) would not hold. */
// Evaluating compiled closures (and tracing them) nests once per level of a rule tree; decoding,
// compiling, encoding and hashing do not. 1,024 levels evaluate on a 256 KB stack (test/runtime/decode/ceiling.test.ts).
const CEILINGS: Partial<Record<keyof InputLimits, number>> = { depth: 1024, prerequisiteDepth: MAX_PREREQUISITE_DEPTH };

/**
 * The defaults with `overrides` applied. Throws a RangeError on a limit that is not a positive
 * integer or passes its ceiling: a configuration mistake, met at start-up, not on input.
 */
export function inputLimits(overrides: Partial<InputLimits> = {}): InputLimits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof InputLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`limits.${key} must be a positive integer, found ${String(value)}`);
    const ceiling = CEILINGS[key];
    if (ceiling !== undefined && value > ceiling) throw new RangeError(`limits.${key} can be at most ${ceiling}, found ${value}`);
    limits[key] = value;
  }
  return Object.freeze(limits) as unknown as InputLimits;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `…; the limit is limits.bytes = 16777216 (raise it with { limits: { bytes: … } })` */
export function overLimit(key: keyof InputLimits, limits: InputLimits): string {
  return `the limit is limits.${key} = ${limits[key]} (raise it with the option { limits: { ${key}: … } })`;
}

/**
 * Why text (or bytes) of this size is refused, or undefined. For a string the length in UTF-16
 * units is a lower bound of its UTF-8 size, so a huge string is refused without scanning it; the
 * exact size is computed only near the limit. Exported for sources that stream (an HTTP body is cut
 * off as soon as the count of bytes received passes `limits.bytes`).
 */
export function byteSizeProblem(input: string | Uint8Array | number, limits: InputLimits = DEFAULT_LIMITS): string | undefined {
  const limit = limits.bytes;
  let size: number;
  if (typeof input === "number") size = input;
  else if (typeof input !== "string") size = input.byteLength;
  else if (input.length > limit) size = input.length;
  else if (input.length * 3 <= limit) return undefined;
  else size = Buffer.byteLength(input, "utf8");
  return size > limit ? `the document is ${typeof input === "string" && input.length > limit ? "over " : ""}${size} bytes; ${overLimit("bytes", limits)}` : undefined;
}

/** {@link measureDocument}: a value nests deeper than allowed. */
export const TOO_DEEP = -1;
/** {@link measureDocument}: more values than allowed. */
export const TOO_MANY = -2;

/**
 * How many values `root` holds (itself, and every record, array and scalar in it), or
 * {@link TOO_DEEP} when a value lies more than `depth` levels below it, or {@link TOO_MANY} when
 * it holds more than `maxValues`. Walked with an explicit stack (never recursion), only own
 * enumerable keys, and stopped as soon as a limit is passed, so neither the stack nor the heap
 * can be exhausted here.
 */
export function measureDocument(root: unknown, depth: number, maxValues: number): number {
  if (maxValues < 1) return TOO_MANY;
  if (typeof root !== "object" || root === null) return 1;
  // Only records and arrays are pushed; a scalar child is counted where it is met. Most values of
  // a document are scalars (half of a bundle's), and each push and pop cost as much as the count.
  let seen = 1;
  // Two parallel stacks (containers and their levels): no record allocated per value of the document.
  const values: object[] = [root];
  const levels: number[] = [0];
  while (values.length > 0) {
    const value = values.pop()!;
    // A child's level: the deepest a value of this container can be.
    const level = levels.pop()! + 1;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (level > depth) return TOO_DEEP;
      if (seen + value.length > maxValues) return TOO_MANY;
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        seen++;
        if (typeof child === "object" && child !== null) {
          values.push(child);
          levels.push(level);
        }
      }
    } else {
      for (const key in value) {
        if (!hasOwn.call(value, key)) continue;
        if (level > depth) return TOO_DEEP;
        if (++seen > maxValues) return TOO_MANY;
        const child: unknown = (value as Record<string, unknown>)[key];
        if (typeof child === "object" && child !== null) {
          values.push(child);
          levels.push(level);
        }
      }
    }
  }
  return seen;
}

/**
 * The values `u` holds below itself (0 for a scalar), for a walk that counted `u` already, or
 * {@link TOO_DEEP} / {@link TOO_MANY} when one lies more than `depth` levels below it or they
 * number more than `budget` ({@link measureDocument}).
 */
export function valuesBelow(u: unknown, depth: number, budget: number): number {
  const size = measureDocument(u, depth, budget + 1);
  return size < 0 ? size : size - 1;
}

/**
 * Why a parsed document is too big to decode, or undefined: nesting deeper than `limits.depth`
 * (plus `envelopeLevels`, the levels a bundle wraps around its features: 2), or more values than
 * `limits.values` ({@link measureDocument}).
 */
export function documentSizeProblem(root: unknown, limits: InputLimits = DEFAULT_LIMITS, envelopeLevels = 0): string | undefined {
  const depth = limits.depth + envelopeLevels;
  const size = measureDocument(root, depth, limits.values);
  if (size === TOO_DEEP) {
    // Say what the extra levels are, so the two numbers in the message do not seem to disagree.
    return `the document nests deeper than ${depth} levels${envelopeLevels === 0 ? "" : ` (limits.depth plus the bundle's ${envelopeLevels} around its features)`}; ${overLimit("depth", limits)}`;
  }
  return size === TOO_MANY ? `the document holds more than ${limits.values} values; ${overLimit("values", limits)}` : undefined;
}
