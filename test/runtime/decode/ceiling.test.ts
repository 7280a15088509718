import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { documentSizeProblem, inputLimits } from "../../../runtime/decode/limits";

/*
 * The depth limit's ceiling (1,024 levels) is what bounds the stack on the paths that still nest
 * once per level of a rule tree: evaluating compiled closures (and tracing them). Everything else
 * (decoding, compiling, encoding, hashing, the store) is a loop or cuts its descent. Proved in a
 * child process with a quarter of Node's default stack: a feature exactly at the ceiling, a mix of
 * all, any, none and leaves, goes through every loader and caller path with the right answers,
 * and one level more is refused with the limit's message.
 */

const CEILING = 1024;
/** Node's default is about 984 KB; the child gets about a quarter (measured: the run passed down to 90 KB, failed at 60). */
const SMALL_STACK_KB = 256;

const leaf = (country: string) => ({ __type: "comparison.eq", attribute: { __type: "context.string", name: "country" }, value: country });

/**
 * A feature document `depth` levels deep (scalars count, as in the depth limit), its rule cycling
 * through `not x`, `all[x, not(country = "XX")]` and `any[country = "XX", x]` above `country = "FR"`:
 * each junction's other child is a leaf that leaves `x`'s outcome as it is, so the whole rule is
 * the leaf, negated once per `not`.
 */
function deepFeature(depth: number): { text: string; negations: number; nodes: number } {
  let node: unknown = leaf("FR");
  // The root object, `buckets`, the bucket, then the leaf's own two levels (its attribute and the attribute's name).
  let levels = 5;
  let negations = 0;
  let nodes = 1;
  for (let i = 0; levels < depth; i++) {
    const kind = depth - levels >= 2 ? i % 3 : 0;
    if (kind === 0) {
      node = { __type: "bool.none", value: node };
      levels += 1;
      negations++;
      nodes += 1;
    } else if (kind === 1) {
      node = { __type: "bool.all", value: [node, { __type: "bool.none", value: leaf("XX") }] };
      levels += 2;
      nodes += 3;
    } else {
      node = { __type: "bool.any", value: [leaf("XX"), node] };
      levels += 2;
      nodes += 2;
    }
  }
  return { text: JSON.stringify({ type: "offline-feature", buckets: [{ name: "deep", classifier: node, value: true }], default: false }), negations, nodes };
}

interface ChildOutput {
  readonly recursionDepth: number;
  readonly results: readonly Record<string, unknown>[];
}

function runChild(documents: readonly string[]): ChildOutput {
  const child = spawnSync(process.execPath, [`--stack-size=${SMALL_STACK_KB}`, "-r", join(__dirname, "..", "..", "ts-register.js"), join(__dirname, "ceiling-child.ts")], {
    input: JSON.stringify({ documents, depth: CEILING }),
    encoding: "utf8",
    cwd: join(__dirname, "..", "..", ".."),
  });
  if (child.status !== 0) throw new Error(`child process failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildOutput;
}

describe(`a rule tree at the depth ceiling (${CEILING} levels) on a ${SMALL_STACK_KB} KB stack`, () => {
  const atCeiling = deepFeature(CEILING);
  const over = deepFeature(CEILING + 1);
  const output = runChild([atCeiling.text, over.text]);
  const [deep, refused] = output.results;

  it("is exactly as deep as the ceiling (one level more is too deep), and the ceiling is the most the depth limit can be raised to", () => {
    expect(documentSizeProblem(JSON.parse(atCeiling.text), inputLimits({ depth: CEILING }))).toBeUndefined();
    expect(documentSizeProblem(JSON.parse(atCeiling.text), inputLimits({ depth: CEILING - 1 }))).toContain(`deeper than ${CEILING - 1} levels`);
    expect(() => inputLimits({ depth: CEILING + 1 })).toThrow(`limits.depth can be at most ${CEILING}`);
  });

  it("runs in a child whose stack is much smaller than this process's", () => {
    let here = 0;
    const down = (n: number): number => {
      here = n;
      return down(n + 1) + 1;
    };
    expect(() => down(0)).toThrow(RangeError);
    expect(output.recursionDepth).toBeGreaterThan(0);
    expect(output.recursionDepth).toBeLessThan(here / 2);
  });

  it("decodes, compiles and evaluates it with the right answers and no error: a match, a miss, and a missing attribute", () => {
    // "FR" makes the leaf true, "DE" false; an odd number of negations turns the answer over.
    const flip = atCeiling.negations % 2 === 1;
    const answer = (leafTrue: boolean) => (leafTrue !== flip ? { value: true, bucket: "deep", reason: "TARGETING_MATCH", errors: [] } : { value: false, bucket: "default", reason: "DEFAULT", errors: [] });
    expect(deep!.match).toEqual(answer(true));
    expect(deep!.miss).toEqual(answer(false));
    expect(deep!.missing).toEqual({ value: false, bucket: "default", reason: "ERROR", errors: [expect.objectContaining({ code: "ATTRIBUTE_MISSING", bucket: "deep" })] });
    const missingPath = (deep!.missing as { errors: { path: string }[] }).errors[0]!.path;
    expect(missingPath).toMatch(/^buckets\[0\]\.classifier(\.value(\[\d\])?)+\.attribute$/);
  });

  it("traces it (every node listed, the evaluated ones with results), prints and re-reads it, serves it from a store's bundle and compares it on the next bundle", () => {
    const expected = deep!.match as Record<string, unknown>;
    expect(deep!.traced).toEqual({ ...expected, nodes: atCeiling.nodes, evaluated: expect.any(Number) });
    expect((deep!.traced as { evaluated: number }).evaluated).toBeGreaterThan(atCeiling.negations);
    expect(deep!.reencoded).toBe(true);
    expect(deep!.store).toEqual(expected);
    expect(deep!.changed).toEqual([["deep"], ["other"]]);
  });

  it("refuses a tree one level deeper with the limit's message", () => {
    expect(refused).toEqual({ refused: [{ path: "", message: `the document nests deeper than ${CEILING} levels; the limit is limits.depth = ${CEILING} (raise it with the option { limits: { depth: … } })` }] });
  });
});
