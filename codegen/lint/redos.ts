/**
 * ReDoS lint: a static check that blocks regular expressions likely to backtrack catastrophically.
 *
 * Why: feature files match request context (user-controlled strings) against regexes, and the
 * JavaScript engine is a backtracking matcher. A pattern such as `^(a+)+$` takes exponential time on
 * `"aaaa…a!"`, so one crafted header can pin a server core. The generator refuses such patterns at
 * build time instead of discovering them in production.
 *
 * How: a small recursive-descent parser turns the pattern (JS syntax, `u` flag semantics) into a tiny
 * AST whose nodes carry summaries (can it match empty, which characters can start a match, …). A
 * single walk then looks for the three classic shapes:
 *
 *  1. nested quantifiers: a repeat inside a loop whose characters can also continue the loop, so the
 *     same text can be split between inner and outer repetition in many ways (`(a+)+`, `(.*a){12}`);
 *  2. overlapping alternation inside a loop: two alternatives match the same text, or one is a prefix
 *     of the other and the remainder can start the next iteration (`(a|aa)+`, `(\w|\d)+`);
 *  3. adjacent unbounded repeats over overlapping characters followed by something that can fail, which
 *     is polynomial rather than exponential (`\d+\d+$`, `^.*.*=.*$`).
 *
 * Character sets are exact code-point ranges for literals, classes, `\d \w \s` and `.`; Unicode
 * property escapes (`\p{…}`) and backreferences are approximated as "any character", which errs on
 * the side of reporting. The analysis is a heuristic: it is deliberately conservative (it may flag
 * some linear patterns) but tuned so that ordinary anchored patterns pass.
 *
 * Robustness: this runs on arbitrary strings from feature files, so it never throws, caps group
 * nesting at {@link MAX_DEPTH} (reported as a risk: a pattern that deep cannot be vetted), and
 * counts work against {@link MAX_STEPS} so that hostile input cannot make the lint itself slow.
 */

/** A regex judged at risk of catastrophic backtracking. */
export interface RedosRisk {
  /** The pattern as written in the feature file. */
  readonly pattern: string;
  /** The part of {@link pattern} that causes the risk (always a substring of it). */
  readonly fragment: string;
  /** A human sentence explaining the risk, suitable for a lint message. */
  readonly reason: string;
}

/**
 * Statically checks a JavaScript regex source (as compiled with the `u` flag) for shapes that make a
 * backtracking engine take exponential or high polynomial time on a near-matching input.
 *
 * Returns `undefined` when the pattern is judged safe, and also when it cannot be parsed: syntax
 * validity is a separate lint rule. Never throws; runs in roughly linear time in the pattern length.
 *
 * @example findRedosRisk("^(a+)+$")?.fragment // "(a+)+"
 * @example findRedosRisk("^[a-z]+-\\d+$")     // undefined
 */
export function findRedosRisk(pattern: string): RedosRisk | undefined {
  return analyseRedos(pattern).risk;
}

/**
 * Result of {@link analyseRedos}; exposes the work done so tests can check the step bound.
 * @internal
 */
export interface RedosAnalysis {
  readonly risk: RedosRisk | undefined;
  /** False when the pattern was not understood as regex syntax (and so `risk` is undefined). */
  readonly parsed: boolean;
  /** Units of work spent; never more than {@link MAX_STEPS} (plus one set operation). */
  readonly steps: number;
}

/** Deepest group nesting analysed; deeper patterns are reported rather than risking the stack. */
export const MAX_DEPTH = 200;
/** Work budget; a pattern needing more is reported as too complex rather than stalling the lint. */
export const MAX_STEPS = 5_000_000;

/**
 * {@link findRedosRisk} with diagnostics for tests.
 * @internal
 */
export function analyseRedos(pattern: string): RedosAnalysis {
  const budget = new Budget();
  try {
    const ast = new Parser(pattern, budget).parse();
    const risk = new Analyser(pattern, budget).run(ast);
    return { risk, parsed: true, steps: budget.steps };
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    switch (e.kind) {
      case "syntax":
        return { risk: undefined, parsed: false, steps: budget.steps };
      case "depth":
        return {
          risk: makeRisk(pattern, e.at, `too deeply nested: "${quote(pattern.slice(e.at))}" nests groups more than ${MAX_DEPTH} levels deep, which is too deep to analyse safely; simplify the pattern`),
          parsed: true,
          steps: budget.steps,
        };
      case "budget":
        return {
          risk: makeRisk(pattern, 0, `too complex: analysing the pattern took more than ${MAX_STEPS} steps, so it cannot be shown safe; simplify it (for example, split a huge alternation)`),
          parsed: true,
          steps: budget.steps,
        };
    }
  }
}

function makeRisk(pattern: string, at: number, reason: string): RedosRisk {
  return { pattern, fragment: pattern.slice(at, at + 40), reason };
}

/** Shortens a fragment for display inside a reason. */
function quote(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

// ---------------------------------------------------------------------------------------------
// Control flow and budget
// ---------------------------------------------------------------------------------------------

/** Internal early exit; not an Error subclass so throwing it costs no stack capture. */
class Abort {
  constructor(
    readonly kind: "syntax" | "depth" | "budget",
    readonly at = 0,
  ) {}
}

const SYNTAX = new Abort("syntax");

class Budget {
  steps = 0;
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > MAX_STEPS) throw new Abort("budget");
  }
}

// ---------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint, non-adjacent inclusive code-point ranges.
// ---------------------------------------------------------------------------------------------

type Range = readonly [number, number];
type CharSet = readonly Range[];

const MAX_CP = 0x10ffff;
/** Sets with more ranges are widened (superset) so set operations stay cheap on hostile classes. */
const MAX_RANGES = 64;
const EMPTY: CharSet = [];
const ANY: CharSet = [[0, MAX_CP]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
// ECMAScript WhiteSpace and LineTerminator code points.
const SPACE: CharSet = normalize([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS: CharSet = normalize([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);
const DOT: CharSet = complement(LINE_TERMINATORS);

/** Sorts and merges ranges; widens the result to at most MAX_RANGES ranges unless `exact`. */
function normalize(input: readonly Range[], exact = false): CharSet {
  const sorted = [...input].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  if (exact || out.length <= MAX_RANGES) return out;
  // Widen: merge runs of consecutive ranges into their hull. Over-approximating a set can only
  // create more overlaps, i.e. more reports, never hide one.
  const chunk = Math.ceil(out.length / MAX_RANGES);
  const widened: Range[] = [];
  for (let i = 0; i < out.length; i += chunk) {
    const lastInChunk = out[Math.min(out.length, i + chunk) - 1] as [number, number];
    widened.push([(out[i] as [number, number])[0], lastInChunk[1]]);
  }
  return widened;
}

function complement(set: CharSet): CharSet {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// AST. Every node carries a summary computed bottom-up while parsing, so the analysis never
// re-walks subtrees (which would be quadratic on deep nesting).
// ---------------------------------------------------------------------------------------------

/** The first characters of every match, position by position, while they are fixed single chars. */
interface Prefix {
  readonly sets: readonly CharSet[];
  /** True when every match of the node is exactly `sets.length` characters drawn from `sets`. */
  readonly complete: boolean;
}

interface Info {
  /** Can match the empty string. */
  readonly nullable: boolean;
  /** Characters that can start a non-empty match. */
  readonly first: CharSet;
  /** Every character any match can consume. */
  readonly chars: CharSet;
  /** Sets of which every non-empty match contains at least one character (a partial list). */
  readonly must: readonly CharSet[];
  /** Some input makes the node fail (false for e.g. `a*` or the empty pattern). */
  readonly canFail: boolean;
  /** Unbounded repeats that can consume the first character of a match (at most MAX_LIST). */
  readonly leading: readonly RepeatNode[];
  readonly prefix: Prefix;
}

interface Span {
  readonly start: number;
  readonly end: number;
}
interface CharNode extends Span {
  readonly kind: "char";
  readonly info: Info;
}
/** `^ $ \b \B`: zero-width, no backtracking of their own. */
interface AssertNode extends Span {
  readonly kind: "assert";
  readonly info: Info;
}
interface LookNode extends Span {
  readonly kind: "look";
  readonly body: Node;
  readonly info: Info;
}
interface BackrefNode extends Span {
  readonly kind: "backref";
  readonly info: Info;
}
/** A group, capturing or not: transparent for the analysis, kept so fragments include parentheses. */
interface GroupNode extends Span {
  readonly kind: "group";
  readonly body: Node;
  readonly info: Info;
}
interface SeqNode extends Span {
  readonly kind: "seq";
  readonly items: readonly Node[];
  readonly info: Info;
}
interface AltNode extends Span {
  readonly kind: "alt";
  readonly branches: readonly Node[];
  readonly info: Info;
}
interface RepeatNode extends Span {
  readonly kind: "repeat";
  readonly body: Node;
  readonly min: number;
  /** `Infinity` for `*`, `+`, `{n,}`. */
  readonly max: number;
  info: Info;
}
type Node = CharNode | AssertNode | LookNode | BackrefNode | GroupNode | SeqNode | AltNode | RepeatNode;

const PREFIX_LENGTH = 16;
const MAX_LIST = 8;

const ZERO_WIDTH_INFO: Info = {
  nullable: true, first: EMPTY, chars: EMPTY, must: [], canFail: true, leading: [],
  prefix: { sets: [], complete: true },
};
// A backreference can repeat any captured text, including none.
const BACKREF_INFO: Info = {
  nullable: true, first: ANY, chars: ANY, must: [], canFail: true, leading: [],
  prefix: { sets: [], complete: false },
};

function concatCapped<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b].slice(0, MAX_LIST);
}

// ---------------------------------------------------------------------------------------------
// Parser (ECMAScript pattern grammar with the `u` flag; lenient only where leniency is harmless)
// ---------------------------------------------------------------------------------------------

enum Ch {
  Dollar = 0x24, LParen = 0x28, RParen = 0x29, Star = 0x2a, Plus = 0x2b, Comma = 0x2c,
  Minus = 0x2d, Dot = 0x2e, Zero = 0x30, Nine = 0x39, Colon = 0x3a, Lt = 0x3c, Eq = 0x3d,
  Gt = 0x3e, Question = 0x3f, LBracket = 0x5b, Backslash = 0x5c, RBracket = 0x5d, Caret = 0x5e,
  LBrace = 0x7b, Pipe = 0x7c, RBrace = 0x7d, Bang = 0x21,
}

const SYNTAX_CHARS = "^$\\.*+?()[]{}|/";
const HEX = /^[0-9A-Fa-f]+$/;

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly budget: Budget,
  ) {}

  parse(): Node {
    const node = this.disjunction(0);
    if (this.pos < this.src.length) throw SYNTAX; // unmatched ")"
    return node;
  }

  private peek(offset = 0): number {
    const i = this.pos + offset;
    return i < this.src.length ? this.src.charCodeAt(i) : -1;
  }

  private disjunction(depth: number): Node {
    const start = this.pos;
    const branches = [this.alternative(depth)];
    while (this.peek() === Ch.Pipe) {
      this.pos++;
      branches.push(this.alternative(depth));
    }
    if (branches.length === 1) return branches[0] as Node;
    return this.alt(branches, start);
  }

  private alternative(depth: number): Node {
    const start = this.pos;
    const items: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === -1 || c === Ch.Pipe || c === Ch.RParen) break;
      items.push(this.term(depth));
    }
    if (items.length === 1) return items[0] as Node;
    return this.seq(items, start);
  }

  private term(depth: number): Node {
    this.budget.tick();
    const start = this.pos;
    const c = this.peek();
    let atom: Node;
    switch (c) {
      case Ch.Caret:
      case Ch.Dollar:
        this.pos++;
        return this.assertion(start);
      case Ch.Backslash: {
        const e = this.peek(1);
        if (e === 0x62 /* b */ || e === 0x42 /* B */) {
          this.pos += 2;
          return this.assertion(start);
        }
        atom = this.atomEscape();
        break;
      }
      case Ch.LParen: {
        atom = this.group(depth);
        if (atom.kind === "look") return atom; // quantified lookarounds are an error with `u`
        break;
      }
      case Ch.Dot:
        this.pos++;
        atom = this.char(DOT, start);
        break;
      case Ch.LBracket:
        atom = this.charClass();
        break;
      case Ch.Star: case Ch.Plus: case Ch.Question: case Ch.LBrace:
      case Ch.RBracket: case Ch.RBrace:
        throw SYNTAX; // nothing to repeat, or a lone bracket (both errors with `u`)
      default: {
        const cp = this.src.codePointAt(this.pos) as number;
        this.pos += cp > 0xffff ? 2 : 1;
        atom = this.char([[cp, cp]], start);
      }
    }
    return this.quantified(atom, start);
  }

  private quantified(atom: Node, start: number): Node {
    let min: number;
    let max: number;
    switch (this.peek()) {
      case Ch.Star: min = 0; max = Infinity; this.pos++; break;
      case Ch.Plus: min = 1; max = Infinity; this.pos++; break;
      case Ch.Question: min = 0; max = 1; this.pos++; break;
      case Ch.LBrace: {
        this.pos++;
        min = this.decimal();
        if (min < 0) throw SYNTAX;
        max = min;
        if (this.peek() === Ch.Comma) {
          this.pos++;
          max = this.peek() === Ch.RBrace ? Infinity : this.decimal();
          if (max < 0) throw SYNTAX;
        }
        if (this.peek() !== Ch.RBrace || min > max) throw SYNTAX;
        this.pos++;
        break;
      }
      default:
        return atom;
    }
    if (this.peek() === Ch.Question) this.pos++; // lazy: same worst case when the match fails
    const c = this.peek();
    if (c === Ch.Star || c === Ch.Plus || c === Ch.Question || c === Ch.LBrace) throw SYNTAX;
    return this.repeat(atom, min, max, start);
  }

  /** Non-negative decimal, capped (the exact size of a huge count does not matter); -1 if none. */
  private decimal(): number {
    let value = -1;
    for (let c = this.peek(); c >= Ch.Zero && c <= Ch.Nine; c = this.peek()) {
      this.budget.tick();
      value = Math.min(1e9, Math.max(value, 0) * 10 + (c - Ch.Zero));
      this.pos++;
    }
    return value;
  }

  private group(depth: number): Node {
    const start = this.pos;
    if (depth >= MAX_DEPTH) throw new Abort("depth", start);
    this.pos++; // "("
    let look = false;
    if (this.peek() === Ch.Question) {
      const k = this.peek(1);
      if (k === Ch.Colon) {
        this.pos += 2;
      } else if (k === Ch.Eq || k === Ch.Bang) {
        look = true;
        this.pos += 2;
      } else if (k === Ch.Lt && (this.peek(2) === Ch.Eq || this.peek(2) === Ch.Bang)) {
        look = true;
        this.pos += 3;
      } else if (k === Ch.Lt) {
        this.pos += 2;
        this.groupName();
      } else {
        throw SYNTAX; // e.g. modifiers "(?i:...)", unsupported by the Node 20 engine
      }
    }
    const body = this.disjunction(depth + 1);
    if (this.peek() !== Ch.RParen) throw SYNTAX;
    this.pos++;
    if (!look) return { kind: "group", body, start, end: this.pos, info: body.info };
    return { kind: "look", body, start, end: this.pos, info: ZERO_WIDTH_INFO };
  }

  /** Skips `name>`; the name's exact syntax is the validator's business. */
  private groupName(): void {
    const from = this.pos;
    for (let c = this.peek(); c !== Ch.Gt; c = this.peek()) {
      this.budget.tick();
      if (c === -1 || c === Ch.RParen || c === Ch.LParen) throw SYNTAX;
      this.pos++;
    }
    if (this.pos === from) throw SYNTAX;
    this.pos++;
  }

  private atomEscape(): Node {
    const start = this.pos;
    this.pos++; // "\"
    const c = this.peek();
    const set = this.classEscape(c);
    if (set !== undefined) return this.char(set, start);
    if (c >= 0x31 && c <= Ch.Nine) {
      this.decimal();
      return { kind: "backref", start, end: this.pos, info: BACKREF_INFO };
    }
    if (c === 0x6b /* k */) {
      this.pos++;
      if (this.peek() !== Ch.Lt) throw SYNTAX;
      this.pos++;
      this.groupName();
      return { kind: "backref", start, end: this.pos, info: BACKREF_INFO };
    }
    const cp = this.charEscape(false);
    return this.char([[cp, cp]], start);
  }

  /** `\d \D \w \W \s \S \p{…} \P{…}` (cursor on the letter); undefined for other escapes. */
  private classEscape(c: number): CharSet | undefined {
    let set: CharSet;
    switch (c) {
      case 0x64: set = DIGIT; break; // d
      case 0x44: set = complement(DIGIT); break; // D
      case 0x77: set = WORD; break; // w
      case 0x57: set = complement(WORD); break; // W
      case 0x73: set = SPACE; break; // s
      case 0x53: set = complement(SPACE); break; // S
      case 0x70: // p
      case 0x50: { // P
        // Unicode properties are approximated as any character: conservative, never hides a risk.
        this.pos++;
        if (this.peek() !== Ch.LBrace) throw SYNTAX;
        const from = this.pos + 1;
        const close = this.src.indexOf("}", from);
        if (close <= from || !/^[A-Za-z0-9_=]+$/.test(this.src.slice(from, close))) throw SYNTAX;
        this.budget.tick(close - from);
        this.pos = close + 1;
        return ANY;
      }
      default:
        return undefined;
    }
    this.pos++;
    return set;
  }

  /** A single-character escape (cursor after "\"); returns its code point. */
  private charEscape(inClass: boolean): number {
    const c = this.peek();
    this.pos++;
    switch (c) {
      case 0x66: return 0x0c; // f
      case 0x6e: return 0x0a; // n
      case 0x72: return 0x0d; // r
      case 0x74: return 0x09; // t
      case 0x76: return 0x0b; // v
      case 0x63: { // c
        const l = this.peek();
        if (!((l >= 0x41 && l <= 0x5a) || (l >= 0x61 && l <= 0x7a))) throw SYNTAX;
        this.pos++;
        return l % 32;
      }
      case Ch.Zero: {
        const n = this.peek();
        if (n >= Ch.Zero && n <= Ch.Nine) throw SYNTAX;
        return 0;
      }
      case 0x78: // x
        return this.hex(2);
      case 0x75: { // u
        if (this.peek() === Ch.LBrace) {
          this.pos++;
          const close = this.src.indexOf("}", this.pos);
          const digits = close < 0 ? "" : this.src.slice(this.pos, close);
          if (!HEX.test(digits)) throw SYNTAX;
          const cp = parseInt(digits, 16);
          if (cp > MAX_CP) throw SYNTAX;
          this.budget.tick(digits.length);
          this.pos = close + 1;
          return cp;
        }
        const unit = this.hex(4);
        // With `u`, an escaped surrogate pair denotes one code point.
        if (unit >= 0xd800 && unit <= 0xdbff && this.peek() === Ch.Backslash && this.peek(1) === 0x75) {
          const save = this.pos;
          this.pos += 2;
          const trail = HEX.test(this.src.slice(this.pos, this.pos + 4)) && this.pos + 4 <= this.src.length ? this.hex(4) : -1;
          if (trail >= 0xdc00 && trail <= 0xdfff) return (unit - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
          this.pos = save;
        }
        return unit;
      }
      case -1:
        throw SYNTAX;
      default:
        if (SYNTAX_CHARS.includes(String.fromCharCode(c))) return c;
        if (inClass && c === Ch.Minus) return c;
        if (inClass && c === 0x62 /* b */) return 0x08;
        throw SYNTAX; // identity escapes of other characters are errors with `u`
    }
  }

  private hex(n: number): number {
    const digits = this.src.slice(this.pos, this.pos + n);
    if (digits.length !== n || !HEX.test(digits)) throw SYNTAX;
    this.pos += n;
    return parseInt(digits, 16);
  }

  private charClass(): Node {
    const start = this.pos;
    this.pos++; // "["
    const negate = this.peek() === Ch.Caret;
    if (negate) this.pos++;
    const ranges: Range[] = [];
    for (;;) {
      this.budget.tick();
      const c = this.peek();
      if (c === -1) throw SYNTAX;
      if (c === Ch.RBracket) {
        this.pos++;
        break;
      }
      const from = this.classAtom();
      if (this.peek() === Ch.Minus && this.peek(1) !== Ch.RBracket && this.peek(1) !== -1) {
        this.pos++;
        const to = this.classAtom();
        // With `u`, a range endpoint must be a single character and the range must be ordered.
        if (typeof from !== "number" || typeof to !== "number" || from > to) throw SYNTAX;
        ranges.push([from, to]);
      } else if (typeof from === "number") {
        ranges.push([from, from]);
      } else {
        ranges.push(...from);
      }
    }
    // Complement the exact set: the complement of a widened set would be too small.
    const set = normalize(ranges, true);
    return this.char(normalize(negate ? complement(set) : set), start);
  }

  private classAtom(): number | CharSet {
    if (this.peek() === Ch.Backslash) {
      this.pos++;
      return this.classEscape(this.peek()) ?? this.charEscape(true);
    }
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  // --- node constructors (compute the summary once, bottom-up) ---

  private char(set: CharSet, start: number): CharNode {
    return {
      kind: "char", start, end: this.pos,
      info: { nullable: false, first: set, chars: set, must: [set], canFail: true, leading: [], prefix: { sets: [set], complete: true } },
    };
  }

  private assertion(start: number): AssertNode {
    const c = this.peek();
    if (c === Ch.Star || c === Ch.Plus || c === Ch.Question || c === Ch.LBrace) throw SYNTAX;
    return { kind: "assert", start, end: this.pos, info: ZERO_WIDTH_INFO };
  }

  private seq(items: readonly Node[], start: number): SeqNode {
    this.budget.tick(items.length);
    let nullable = true;
    let first: Range[] = [];
    let chars: Range[] = [];
    let must: readonly CharSet[] = [];
    let canFail = false;
    let leading: readonly RepeatNode[] = [];
    const prefixSets: CharSet[] = [];
    let complete = true;
    for (const item of items) {
      const i = item.info;
      this.budget.tick(i.first.length + i.chars.length);
      if (nullable) {
        first = first.concat(i.first);
        if (first.length > 4 * MAX_RANGES) first = [...normalize(first)];
        leading = concatCapped(leading, i.leading);
      }
      nullable = nullable && i.nullable;
      chars = chars.concat(i.chars);
      if (chars.length > 4 * MAX_RANGES) chars = [...normalize(chars)];
      if (must.length < MAX_LIST) must = concatCapped(must, i.must);
      canFail = canFail || i.canFail;
      if (complete) {
        for (const s of i.prefix.sets) {
          if (prefixSets.length === PREFIX_LENGTH) {
            complete = false;
            break;
          }
          prefixSets.push(s);
        }
        complete = complete && i.prefix.complete;
      }
    }
    return {
      kind: "seq", items, start, end: this.pos,
      info: { nullable, first: normalize(first), chars: normalize(chars), must, canFail, leading, prefix: { sets: prefixSets, complete } },
    };
  }

  private alt(branches: readonly Node[], start: number): AltNode {
    this.budget.tick(branches.length);
    let nullable = false;
    let first: Range[] = [];
    let chars: Range[] = [];
    let canFail = true;
    let leading: readonly RepeatNode[] = [];
    for (const b of branches) {
      const i = b.info;
      this.budget.tick(i.first.length + i.chars.length);
      nullable = nullable || i.nullable;
      first = first.concat(i.first);
      chars = chars.concat(i.chars);
      if (first.length > 4 * MAX_RANGES) first = [...normalize(first)];
      if (chars.length > 4 * MAX_RANGES) chars = [...normalize(chars)];
      canFail = canFail && i.canFail;
      leading = concatCapped(leading, i.leading);
    }
    return {
      kind: "alt", branches, start, end: this.pos,
      info: {
        nullable, first: normalize(first), chars: normalize(chars), must: [], canFail, leading,
        prefix: { sets: [], complete: false },
      },
    };
  }

  private repeat(body: Node, min: number, max: number, start: number): RepeatNode {
    const node: RepeatNode = { kind: "repeat", body, min, max, start, end: this.pos, info: ZERO_WIDTH_INFO };
    const b = body.info;
    // Repeat the body's fixed prefix `min` times (capped); the result is complete only for {n}.
    const sets: CharSet[] = [];
    let complete: boolean;
    if (max === 0) {
      complete = true;
    } else if (!b.prefix.complete) {
      if (min > 0) sets.push(...b.prefix.sets);
      complete = false;
    } else {
      complete = min === max;
      for (let k = 0; k < min && b.prefix.sets.length > 0; k++) {
        if (sets.length + b.prefix.sets.length > PREFIX_LENGTH) {
          complete = false;
          break;
        }
        sets.push(...b.prefix.sets);
      }
    }
    node.info = {
      nullable: min === 0 || b.nullable,
      first: max === 0 ? EMPTY : b.first,
      chars: max === 0 ? EMPTY : b.chars,
      must: min > 0 ? b.must : [],
      canFail: min > 0 && b.canFail,
      // Only unbounded repeats matter for the adjacency rule; a bounded one is linear work.
      leading: max === Infinity ? [node] : b.leading,
      prefix: { sets, complete },
    };
    return node;
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

/** What can happen after a node finishes matching. */
interface Follow {
  /**
   * Characters that can come next without leaving the innermost enclosing loop (a repeat with
   * max >= 2), including those that start its next iteration. Empty outside loops.
   */
  readonly loopSet: CharSet;
  /** Unbounded repeats that can consume the very next character. */
  readonly next: readonly RepeatNode[];
  /** Whether something later in the pattern can fail (so backtracking into this node happens). */
  readonly tailCanFail: boolean;
}

const END: Follow = { loopSet: EMPTY, next: [], tailCanFail: false };

class Analyser {
  /** Unbounded repeats with their follow, in source order, for the adjacency rule. */
  private readonly unbounded: { readonly node: RepeatNode; readonly follow: Follow }[] = [];
  /** Parent links, only to cut a readable fragment for the adjacency rule. */
  private readonly parent = new Map<Node, Node>();

  constructor(
    private readonly src: string,
    private readonly budget: Budget,
  ) {}

  run(ast: Node): RedosRisk | undefined {
    return this.visit(ast, END, undefined) ?? this.adjacent();
  }

  private text(n: Span): string {
    return this.src.slice(n.start, n.end);
  }

  private union(a: CharSet, b: CharSet): CharSet {
    this.budget.tick(a.length + b.length);
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    return normalize([...a, ...b]);
  }

  private overlaps(a: CharSet, b: CharSet): boolean {
    this.budget.tick(a.length + b.length);
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i] as Range;
      const y = b[j] as Range;
      if (x[1] < y[0]) i++;
      else if (y[1] < x[0]) j++;
      else return true;
    }
    return false;
  }

  /** @param loop innermost enclosing repeat with max >= 2, if any */
  private visit(node: Node, follow: Follow, loop: RepeatNode | undefined): RedosRisk | undefined {
    this.budget.tick();
    switch (node.kind) {
      case "char":
      case "assert":
      case "backref":
        return undefined;
      case "group":
        this.parent.set(node.body, node);
        return this.visit(node.body, follow, loop);
      case "look":
        // A lookaround is atomic once it matches: surrounding loops cannot backtrack into it.
        this.parent.set(node.body, node);
        return this.visit(node.body, END, undefined);
      case "seq":
        return this.visitSeq(node, follow, loop);
      case "alt": {
        if (loop !== undefined) {
          const risk = this.checkAlternation(node, follow, loop);
          if (risk !== undefined) return risk;
        }
        for (const b of node.branches) {
          this.parent.set(b, node);
          const risk = this.visit(b, follow, loop);
          if (risk !== undefined) return risk;
        }
        return undefined;
      }
      case "repeat":
        return this.visitRepeat(node, follow, loop);
    }
  }

  private visitSeq(node: SeqNode, follow: Follow, loop: RepeatNode | undefined): RedosRisk | undefined {
    // Right-to-left pass: each item's follow is what the rest of the sequence can start with.
    const items = node.items;
    const follows: Follow[] = new Array<Follow>(items.length);
    let restFirst: CharSet = EMPTY;
    let restNullable = true;
    let restNext: readonly RepeatNode[] = [];
    let restCanFail = false;
    for (let i = items.length - 1; i >= 0; i--) {
      this.budget.tick();
      follows[i] = {
        loopSet: loop === undefined ? EMPTY : restNullable ? this.union(restFirst, follow.loopSet) : restFirst,
        next: restNullable ? concatCapped(restNext, follow.next) : restNext,
        tailCanFail: restCanFail || follow.tailCanFail,
      };
      const info = (items[i] as Node).info;
      restFirst = info.nullable ? this.union(info.first, restFirst) : info.first;
      restNext = info.nullable ? concatCapped(info.leading, restNext) : info.leading;
      restNullable = restNullable && info.nullable;
      restCanFail = restCanFail || info.canFail;
    }
    for (let i = 0; i < items.length; i++) {
      this.parent.set(items[i] as Node, node);
      const risk = this.visit(items[i] as Node, follows[i] as Follow, loop);
      if (risk !== undefined) return risk;
    }
    return undefined;
  }

  private visitRepeat(node: RepeatNode, follow: Follow, loop: RepeatNode | undefined): RedosRisk | undefined {
    const body = node.body.info;
    // Rule 1. Inside a loop, a repeat that can stop after a varying number of characters is
    // ambiguous when what follows it (within the loop, including the next iteration) can also be
    // consumed by it: each such character can end one iteration or continue the inner repeat.
    // Optional parts count only while the loop has mandatory iterations left (JS stops a loop
    // iteration that matches empty only after `min` iterations).
    if (loop !== undefined && body.first.length > 0) {
      const varies = (node.max >= 2 && node.max > node.min) || (node.min === 0 && node.max >= 1 && loop.min >= 2);
      if (varies && this.overlaps(body.first, follow.loopSet)) {
        const outer = this.text(loop);
        const growth = loop.max === Infinity ? "exponentially" : `polynomially (about n^${Math.min(loop.max, 99)} steps)`;
        return {
          pattern: this.src,
          fragment: outer,
          reason: `nested quantifier: "${quote(outer)}" repeats a group that itself repeats ("${quote(this.text(node))}"), which backtracks ${growth} on a near-match`,
        };
      }
    }
    if (node.max === Infinity) this.unbounded.push({ node, follow });
    this.parent.set(node.body, node);
    if (node.max < 2) return this.visit(node.body, follow, loop);
    const bodyFollow: Follow = {
      loopSet: this.union(body.first, follow.loopSet),
      next: concatCapped(body.leading, follow.next),
      tailCanFail: follow.tailCanFail || (node.min >= 2 && body.canFail),
    };
    return this.visit(node.body, bodyFollow, node);
  }

  /**
   * Rule 2. Two alternatives in a loop are ambiguous when they can match the same text, or when one
   * matches a prefix of the other and the rest of the longer one can also follow the shorter one
   * inside the loop (`(a|aa)+`: "aa" is "aa" or "a" then "a"). Each ambiguous iteration doubles the
   * paths tried on failure.
   */
  private checkAlternation(node: AltNode, follow: Follow, loop: RepeatNode): RedosRisk | undefined {
    const branches = node.branches;
    // Only pairs whose first characters overlap can be ambiguous. Sweeping over the branches' first
    // ranges finds those pairs directly, so a large alternation of distinct words costs about
    // n log n rather than n² comparisons.
    const ranges: [number, number, number][] = []; // lo, hi, branch index
    branches.forEach((b, index) => {
      for (const [lo, hi] of b.info.first) ranges.push([lo, hi, index]);
    });
    this.budget.tick(2 * ranges.length);
    ranges.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
    let active: [number, number, number][] = [];
    for (const r of ranges) {
      active = active.filter((a) => a[1] >= r[0]);
      for (const other of active) {
        // Ranges of one branch are disjoint, so every survivor belongs to another branch.
        const a = branches[Math.min(other[2], r[2])] as Node;
        const b = branches[Math.max(other[2], r[2])] as Node;
        const how = this.ambiguous(a.info.prefix, b.info.prefix, follow.loopSet);
        if (how === undefined) continue;
        const outer = this.text(loop);
        return {
          pattern: this.src,
          fragment: outer,
          reason: `overlapping alternation: "${quote(outer)}" repeats a choice whose alternatives "${quote(this.text(a))}" and "${quote(this.text(b))}" ${how}, which backtracks exponentially on a near-match`,
        };
      }
      active.push(r);
    }
    return undefined;
  }

  /** How two alternatives with overlapping first characters are ambiguous, or undefined if not. */
  private ambiguous(p: Prefix, q: Prefix, loopSet: CharSet): string | undefined {
    this.budget.tick();
    const n = Math.min(p.sets.length, q.sets.length);
    for (let k = 0; k < n; k++) {
      if (!this.overlaps(p.sets[k] as CharSet, q.sets[k] as CharSet)) return undefined; // they diverge
    }
    if (p.complete && q.complete && p.sets.length === q.sets.length) return "can match the same text";
    const [short, long] = p.sets.length < q.sets.length || (p.sets.length === q.sets.length && p.complete) ? [p, q] : [q, p];
    if (short.complete && long.sets.length > short.sets.length) {
      // "aa" vs "a" then "a": only ambiguous if the longer one's next character can follow the shorter.
      return this.overlaps(long.sets[short.sets.length] as CharSet, loopSet)
        ? "can split the same text in different ways"
        : undefined;
    }
    return "can match overlapping text"; // not enough is known to tell them apart: report
  }

  /**
   * Rule 3. `X+Y+` where X and Y share characters, followed by something that can fail: each way
   * of splitting a run between X and Y is tried, O(n^2) per start position (worse with more). A
   * repeat whose every match needs a character the other cannot consume (`(\w+,)*\w+`) cannot
   * trade text with it, so it is exempt.
   */
  private adjacent(): RedosRisk | undefined {
    const followOf = new Map<RepeatNode, Follow>();
    for (const u of this.unbounded) followOf.set(u.node, u.follow);
    for (const { node: x, follow } of this.unbounded) {
      for (const y of follow.next) {
        this.budget.tick();
        if (y === x || followOf.get(y)?.tailCanFail !== true) continue;
        if (!this.interchangeable(x, y)) continue;
        const fragment = this.covering(x, y);
        return {
          pattern: this.src,
          fragment,
          reason: `adjacent quantifiers: "${quote(fragment)}" puts unbounded repeats that can match the same characters next to each other, which backtracks polynomially when the rest of the pattern fails to match`,
        };
      }
    }
    return undefined;
  }

  /** The smallest run of whole sibling terms containing both nodes, e.g. "(.*?)(\d+)". */
  private covering(x: Node, y: Node): string {
    const above = new Map<Node, Node>(); // ancestor of x -> its child on the path to x
    for (let n: Node | undefined = x, child: Node = x; n !== undefined; child = n, n = this.parent.get(n)) {
      this.budget.tick();
      above.set(n, child);
    }
    let cy: Node = y;
    let lca: Node | undefined = y;
    while (lca !== undefined && !above.has(lca)) {
      this.budget.tick();
      cy = lca;
      lca = this.parent.get(lca);
    }
    if (lca === undefined) return this.src.slice(Math.min(x.start, y.start), Math.max(x.end, y.end));
    const cx = above.get(lca) as Node;
    if (lca.kind !== "seq" || lca === x || lca === y) return this.text(lca);
    return this.src.slice(Math.min(cx.start, cy.start), Math.max(cx.end, cy.end));
  }

  private interchangeable(x: RepeatNode, y: RepeatNode): boolean {
    const a = x.body.info;
    const b = y.body.info;
    if (!this.overlaps(a.first, b.first)) return false;
    for (const m of a.must) if (!this.overlaps(m, b.chars)) return false;
    for (const m of b.must) if (!this.overlaps(m, a.chars)) return false;
    return true;
  }
}
