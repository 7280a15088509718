import { callSite } from "../../dsl/call-site";

type FormatStack = (error: Error, frames: NodeJS.CallSite[]) => unknown;
const errorClass = Error as { prepareStackTrace?: FormatStack | undefined };

function withFormatter<T>(format: FormatStack | undefined, run: () => T): T {
  const saved = errorClass.prepareStackTrace;
  errorClass.prepareStackTrace = format;
  try {
    return run();
  } finally {
    errorClass.prepareStackTrace = saved;
  }
}

/** Formats like V8 does, without source maps, and records how many frames it was asked for. */
function countingFormatter(frameCounts: number[]): FormatStack {
  return (error, frames) => {
    frameCounts.push(frames.length);
    return `${String(error)}${frames.map((frame) => `\n    at ${frame.getFileName()}:${frame.getLineNumber()}:${frame.getColumnNumber()}`).join("")}`;
  };
}

describe("callSite", () => {
  it("hands only the caller's frame to an installed formatter, and finds the same line as the whole stack", () => {
    const frameCounts: number[] = [];
    // Both calls on one line, so the locations must be equal.
    const [withOne, fromWholeStack] = [withFormatter(countingFormatter(frameCounts), () => callSite()), withFormatter(countingFormatter([]), () => new Error().stack)];
    expect(frameCounts).toEqual([1]);
    expect(withOne?.file).toBe("test/dsl/call-site.test.ts");
    expect(fromWholeStack).toContain(`call-site.test.ts:${withOne?.line}:`);
  });

  it("reads Node's own stack when no formatter is installed", () => {
    // Both on one line: Node's stack (mapped or not, as Node was started) names the same line.
    const [without, stack] = withFormatter(undefined, () => [callSite(), new Error().stack] as const);
    expect(without?.file).toBe("test/dsl/call-site.test.ts");
    expect(stack).toContain(`call-site.test.ts:${without?.line}:`);
  });

  it("passes over a frame the formatter maps into Node's internals, and finds none when every frame is mapped there", () => {
    const intoNode = () => "Error\n    at node:internal/modules/cjs/loader:1:1";
    expect(withFormatter(intoNode, () => callSite())).toBeUndefined();
    // The first candidate (the arrow below) maps into Node; the next (withFormatter, in this file) is taken.
    let calls = 0;
    const firstIntoNode: FormatStack = (error, frames) => (++calls === 1 ? intoNode() : countingFormatter([])(error, frames));
    expect(withFormatter(firstIntoNode, () => callSite())?.file).toBe("test/dsl/call-site.test.ts");
    expect(calls).toBe(2);
  });

  it("leaves the installed formatter in place, and ignores one that is not a function", () => {
    const format = countingFormatter([]);
    const after = withFormatter(format, () => {
      callSite();
      return errorClass.prepareStackTrace;
    });
    expect(after).toBe(format);
    const notAFunction = withFormatter(null as never, () => callSite());
    expect(notAFunction?.file).toBe("test/dsl/call-site.test.ts");
  });
});
